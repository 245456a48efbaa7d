/**
 * `validate`'s problems as text: each file's problems are rendered when the file is finished and
 * only their bytes are kept, packed into large buffers, until the whole report can be written.
 */
import type { Problem } from '../core/problem.js';
import type { ProblemPieces } from '../format/views.js';
import { CONFIG_FILE } from '../workspace/root.js';
import type { Output } from './context.js';

/**
 * The problems shown, kept as their text (bytes) from the moment each file is finished: a
 * workspace with 100,000 warnings holds no problem objects, and no file's text stays reachable
 * through a message. Written at the end in the order of the whole report: the config's
 * problems, then every file's by path (files arrive segments first).
 */
export class ProblemText {
  private readonly byFile = new Map<string, Stored>();
  private readonly store = new TextStore();
  /** Problems of a workspace file that has the config's name: joined with the config's when the format groups by file. */
  private readonly sameAsConfig: Problem[] = [];
  private errors = 0;
  private warnings = 0;

  constructor(
    private readonly pieces: ProblemPieces,
    private readonly shown: (p: Problem) => boolean,
  ) {}

  readonly add = (file: string, problems: readonly Problem[]): void => {
    const kept = this.count(problems);
    if (kept.length === 0) return;
    if (file === CONFIG_FILE) this.sameAsConfig.push(...kept);
    else this.byFile.set(file, this.store.add(this.pieces.file(kept)));
  };

  /** Writes the whole report and returns what it counted. */
  write(out: Output, configProblems: readonly Problem[], files: readonly string[]): { errors: number; warnings: number } {
    const config = this.count(configProblems);
    const { grouped, between } = this.pieces;
    const first = grouped && config.length > 0 ? [...config, ...this.sameAsConfig] : config;
    if (!(grouped && config.length > 0) && this.sameAsConfig.length > 0) this.byFile.set(CONFIG_FILE, this.store.add(this.pieces.file(this.sameAsConfig)));
    const counts = { errors: this.errors, warnings: this.warnings };
    const [head, tail] = this.pieces.frame(counts, files);
    out.write(head);
    let written = 0;
    if (first.length > 0) {
      out.write(this.pieces.file(first));
      written++;
    }
    for (const file of [...this.byFile.keys()].sort()) {
      if (written++ > 0 && between !== '') out.write(between);
      out.write(this.store.text(this.byFile.get(file)!));
    }
    out.write(tail);
    return counts;
  }

  private count(problems: readonly Problem[]): Problem[] {
    const kept = problems.filter(this.shown);
    for (const p of kept) {
      if (p.severity === 'error') this.errors++;
      else this.warnings++;
    }
    return kept;
  }
}

/** Where a text is in the store: buffer, start, end. */
type Stored = readonly [number, number, number];

/**
 * Texts as UTF-8 in 1 MiB buffers. A buffer per text would not do: Node sizes a small buffer's
 * share of its pool by the string's worst case (4 bytes a character), so 600 bytes of problems
 * took 2.6 KiB, and a string kept as such may hold on to the file text its message was cut from.
 */
class TextStore {
  private static readonly SIZE = 1 << 20;
  private readonly buffers: Buffer[] = [];
  private used = TextStore.SIZE;

  add(text: string): Stored {
    const bytes = Buffer.byteLength(text);
    if (bytes > TextStore.SIZE - this.used) {
      this.buffers.push(Buffer.allocUnsafe(Math.max(TextStore.SIZE, bytes)));
      this.used = 0;
    }
    const index = this.buffers.length - 1;
    const start = this.used;
    this.used += this.buffers[index]!.write(text, start);
    return [index, start, this.used];
  }

  text([index, start, end]: Stored): string {
    return this.buffers[index]!.toString('utf8', start, end);
  }
}
