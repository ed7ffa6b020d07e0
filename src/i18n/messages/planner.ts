/** Words of the planner pages. */
const en = {
};
const ko: Record<keyof typeof en, string> = {
};
export const planner = { en, ko };
