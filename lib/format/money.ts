// The one money formatter. Amounts arrive as exact decimal strings; they are formatted from their
// digits (no float arithmetic), and small amounts keep enough digits never to read as $0.00.

/** "$3.41", "$1,234.50", "$0.0042", "$0.00000031"; "$0.00" only for an exact zero. */
export function formatMoney(amount: string, { exact = false }: { exact?: boolean } = {}): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) return amount;
  const [, sign = "", whole = "0", fraction = ""] = match;
  const wholeDigits = whole.replace(/^0+(?=\d)/, "");
  if (exact) return `${sign}$${groupThousands(wholeDigits)}${fraction ? `.${fraction.replace(/0+$/, "").padEnd(2, "0")}` : ".00"}`;
  if (wholeDigits !== "0" || /^[0-9]{0,2}$/.test(fraction.replace(/0+$/, "")) || fraction.slice(0, 2) !== "00") {
    return `${sign}$${roundToCents(wholeDigits, fraction)}`;
  }
  // Below one cent: show two significant digits (rounded half up on the digit strings).
  const firstSignificant = fraction.search(/[1-9]/);
  if (firstSignificant < 0) return "$0.00";
  const kept = roundDigits(fraction.slice(0, firstSignificant + 2).padEnd(firstSignificant + 2, "0"), fraction[firstSignificant + 2]);
  return `${sign}$0.${kept.replace(/0+$/, "") || "0"}`;
}

function roundToCents(whole: string, fraction: string): string {
  const cents = fraction.padEnd(2, "0").slice(0, 2);
  const rounded = roundDigits(`${whole}${cents}`, fraction[2]);
  const padded = rounded.padStart(3, "0");
  return `${groupThousands(padded.slice(0, -2).replace(/^0+(?=\d)/, ""))}.${padded.slice(-2)}`;
}

/** Adds one in the last place when the next digit is 5 or more, carrying through the string. */
function roundDigits(digits: string, nextDigit: string | undefined): string {
  if (!nextDigit || nextDigit < "5") return digits;
  const out = digits.split("");
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] === "9") {
      out[i] = "0";
    } else {
      out[i] = String(Number(out[i]) + 1);
      return out.join("");
    }
  }
  return `1${out.join("")}`;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
