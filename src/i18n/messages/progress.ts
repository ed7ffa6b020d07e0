/** Words of the progress pages. */
const en = {
};
const ko: Record<keyof typeof en, string> = {
};
export const progress = { en, ko };
