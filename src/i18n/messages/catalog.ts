/** Words of the catalog pages. */
const en = {
};
const ko: Record<keyof typeof en, string> = {
};
export const catalog = { en, ko };
