/** Holds the id of the signed-in admin's current emulation; checked against the database on every request. */
export const emulationCookie = "glow-emulation";
