// How paths are named to people: each path's module (core/paths) carries its labels; this names the approvals.

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "1 approval" / "2 approvals". */
export const approvalsLabel = (n: number): string => plural(n, 'approval');
