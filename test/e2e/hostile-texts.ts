/** Hostile account files, shared by the CLI's tests (hostile.test.ts) and the language server's (lsp.test.ts). */
export const HOSTILE_ACCOUNTS: Record<string, string> = {
  'accounts/js-fence.md': "---js\nrequire('child_process').execSync('touch /tmp/abx-pwned')\n---\n",
  'accounts/to-string.md': '---toString\nname: x\n---\n',
  'accounts/alias-bomb.md': `---\nname: Bomb\n${['a: &a ["l","l","l","l","l","l","l","l","l"]', ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n')}\n---\n`,
  'accounts/deep-nesting.md': `---\nname: ${'['.repeat(10_000)}\n---\n`,
  'accounts/unterminated.md': '---\nname: Never closed\n\n# Body that must not become data\n',
  'accounts/tags.md': '---\nname: !!js/function "function () { return 1 }"\n---\n',
  'accounts/proto.md': '---\nname: Proto\n__proto__: { polluted: true }\n---\n',
  'accounts/binary.md': '---\nname: \u0000\u0001\u0002\n---\n',
};
