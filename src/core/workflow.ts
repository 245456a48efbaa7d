/**
 * The GitHub Actions workflow `abx init` writes (docs/ci.md explains every line). Pure: the
 * caller says which abx version, branch and folder; this returns the text.
 *
 * Why it looks the way it does:
 * - abx is installed at the exact version that wrote the file: CI changes only when the team
 *   upgrades, and a later release of the package name cannot run in their CI by surprise.
 * - `permissions: {}` at the top; the check job reads the repository, and only the comment job,
 *   which runs no code from the pull request, may write to pull requests. It is skipped for
 *   pull requests from forks (their token is read-only).
 * - Actions are pinned by full commit SHA (a tag can be moved), with the tag in a comment.
 * - `persist-credentials: false`: the token is not left in .git/config for later steps.
 * - Values from the event reach scripts only through `env:`, never pasted into `run:` text.
 */

/** The actions the workflow uses, pinned by commit; the tag is only a comment for people. */
export const PINNED_ACTIONS = {
  checkout: { uses: 'actions/checkout', sha: '3d3c42e5aac5ba805825da76410c181273ba90b1', tag: 'v7.0.1' },
  setupNode: { uses: 'actions/setup-node', sha: '820762786026740c76f36085b0efc47a31fe5020', tag: 'v7.0.0' },
  uploadSarif: { uses: 'github/codeql-action/upload-sarif', sha: '8aad20d150bbac5944a9f9d289da16a4b0d87c1e', tag: 'v4.36.2' },
} as const;

/** The first line of the pull-request comment `abx diff --format markdown` writes; the comment job finds its own comment by it. */
export const DIFF_COMMENT_MARKER = '<!-- abx-diff -->';

export interface WorkflowOptions {
  /** The abx version to install, exactly. */
  version: string;
  /** The branch pushes to which are checked (the repository's main branch). */
  branch: string;
  /** The workspace folder relative to the repository root, with `/`; `''` or `.` at the root. */
  workingDirectory: string;
}

const pin = (a: { uses: string; sha: string; tag: string }) => `${a.uses}@${a.sha} # ${a.tag}`;

/** A YAML scalar that YAML reads back as exactly `value` (JSON strings are YAML). */
const quote = (value: string) => JSON.stringify(value);

export function renderWorkflow(options: WorkflowOptions): string {
  const dir = options.workingDirectory.replace(/\/+$/, '') || '.';
  // No `paths:` filter in a subfolder: a required check that never runs blocks the pull request.
  return `# Checks the ABX workspace${dir === '.' ? '' : ` in ${dir.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?')}/`} on pull requests and pushes, and comments the
# score and tier changes on pull requests. Written by abx ${options.version} (abx init); docs/ci.md of abx
# explains each step.
name: abx

on:
  pull_request:
  push:
    branches: [${quote(options.branch)}]

# Nothing by default: each job asks for what it needs.
permissions: {}

# A new push to the same pull request cancels the run still going for the previous one.
concurrency:
  group: abx-\${{ github.event.pull_request.number || github.ref }}
  cancel-in-progress: true

env:
  # The exact abx version that wrote this file: upgrade on purpose (change it here), never by surprise.
  ABX_VERSION: ${quote(options.version)}

jobs:
  check:
    runs-on: ubuntu-latest
    timeout-minutes: 10
    permissions:
      contents: read
      # security-events: write   # uncomment with the code-scanning steps below
    defaults:
      run:
        working-directory: ${quote(dir)}
    outputs:
      comment: \${{ steps.diff.outputs.comment }}
    steps:
      - uses: ${pin(PINNED_ACTIONS.checkout)}
        with:
          fetch-depth: 0               # abx diff reads the base branch from history
          persist-credentials: false   # no token left in .git/config
      - uses: ${pin(PINNED_ACTIONS.setupNode)}
        with:
          node-version: 22
      - name: Install abx
        run: npm install --global --no-audit --no-fund --ignore-scripts "abx@$ABX_VERSION"
      - name: Validate
        run: abx validate --format github
      - name: Score changes
        id: diff
        # Also after a failed validation: reviewers still want to see what moved.
        if: \${{ !cancelled() && github.event_name == 'pull_request' }}
        env:
          BASE_REF: \${{ github.base_ref }}   # through env, never pasted into the script
        run: |
          abx diff "origin/$BASE_REF" --format markdown > "$RUNNER_TEMP/abx-diff.md"
          cat "$RUNNER_TEMP/abx-diff.md" >> "$GITHUB_STEP_SUMMARY"
          delimiter="abx-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \\n')"
          { echo "comment<<$delimiter"; cat "$RUNNER_TEMP/abx-diff.md"; echo "$delimiter"; } >> "$GITHUB_OUTPUT"
      # Code scanning (optional): uncomment these two steps and \`security-events: write\` above to see
      # abx problems as code-scanning alerts.
      # - name: Validate (SARIF)
      #   if: \${{ !cancelled() }}
      #   run: abx validate --format sarif > "$RUNNER_TEMP/abx.sarif"
      # - uses: ${pin(PINNED_ACTIONS.uploadSarif)}
      #   if: \${{ !cancelled() }}
      #   with:
      #     sarif_file: \${{ runner.temp }}/abx.sarif
      #     category: abx

  comment:
    # Runs no code from the pull request, and alone may write to it. Forks get a read-only token:
    # their diff is in the check job's summary instead.
    needs: check
    if: \${{ !cancelled() && github.event_name == 'pull_request' && github.event.pull_request.head.repo.full_name == github.repository && needs.check.outputs.comment != '' }}
    runs-on: ubuntu-latest
    timeout-minutes: 5
    permissions:
      pull-requests: write
    steps:
      - name: Comment on the pull request
        # Edits the comment abx wrote before (found by its ${DIFF_COMMENT_MARKER} first line), else adds one.
        env:
          GH_TOKEN: \${{ github.token }}
          GH_REPO: \${{ github.repository }}
          PR: \${{ github.event.pull_request.number }}
          BODY: \${{ needs.check.outputs.comment }}
        run: |
          printf '%s\\n' "$BODY" > "$RUNNER_TEMP/abx-diff.md"
          id="$(gh api --paginate "repos/$GH_REPO/issues/$PR/comments" --jq '.[] | select(.user.login == "github-actions[bot]" and (.body | startswith("${DIFF_COMMENT_MARKER}"))) | .id' | head -n 1)"
          if [ -n "$id" ]; then
            gh api --method PATCH "repos/$GH_REPO/issues/comments/$id" -F "body=@$RUNNER_TEMP/abx-diff.md" > /dev/null
          else
            gh pr comment "$PR" --body-file "$RUNNER_TEMP/abx-diff.md"
          fi
`;
}
