/** Words of the digest pages. */
const en = {
};
const ko: Record<keyof typeof en, string> = {
};
export const digest = { en, ko };
