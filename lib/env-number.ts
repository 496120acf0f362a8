// A number from the environment, or the fallback when it is unset, not a number, or not one `accept`
// takes (by default any number from 0 up). Read when called, so a test or an operator can set it per process.
export const positive = (value: number) => value > 0;
export const positiveInteger = (value: number) => Number.isInteger(value) && value > 0;

export function envNumber(name: string, fallback: number, accept: (value: number) => boolean = (value) => value >= 0): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && accept(value) ? value : fallback;
}
