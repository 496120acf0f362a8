import { describe, expect, it } from "vitest";
import { formatRelative, formatUtc } from "./dates";
import { formatMoney } from "./money";
import { formatBytes, formatChange, formatCompact, formatDuration } from "./numbers";

describe("formatMoney", () => {
  it.each([
    ["0", "$0.00"],
    ["3.41", "$3.41"],
    ["3.4", "$3.40"],
    ["1234.5", "$1,234.50"],
    ["1234567.891", "$1,234,567.89"],
    ["0.125", "$0.13"],
    ["0.995", "$1.00"],
    ["9.999", "$10.00"],
    ["0.01", "$0.01"],
    ["0.0042", "$0.0042"],
    ["0.00421", "$0.0042"],
    ["0.004259", "$0.0043"],
    ["0.0000003125", "$0.00000031"],
    ["0.0000000000", "$0.00"],
    ["12.0000000000", "$12.00"],
  ])("%s → %s", (input, expected) => {
    expect(formatMoney(input)).toBe(expected);
  });

  it("shows every digit when asked for the exact amount", () => {
    expect(formatMoney("0.0042130000", { exact: true })).toBe("$0.004213");
    expect(formatMoney("1234.5", { exact: true })).toBe("$1,234.50");
  });

  it("never loses precision on amounts a float would mangle", () => {
    expect(formatMoney("90071992547409.93")).toBe("$90,071,992,547,409.93");
  });
});

describe("number formats", () => {
  it("compacts token counts", () => {
    expect(formatCompact(950)).toBe("950");
    expect(formatCompact(1_234_567)).toBe("1.2M");
  });
  it("formats durations", () => {
    expect(formatDuration(850)).toBe("850 ms");
    expect(formatDuration(12_400)).toBe("12 s");
    expect(formatDuration(200_000)).toBe("3 min 20 s");
    expect(formatDuration(7_500_000)).toBe("2 h 5 min");
  });
  it("formats file sizes", () => {
    expect(formatBytes(863)).toBe("863 B");
    expect(formatBytes(2537)).toBe("2.5 KB");
    expect(formatBytes(73_300)).toBe("72 KB");
    expect(formatBytes(5 * 1024 * 1024 + 300_000)).toBe("5.3 MB");
  });
  it("formats KPI changes", () => {
    expect(formatChange(112, 100)).toBe("+12%");
    expect(formatChange(97, 100)).toBe("−3%");
    expect(formatChange(5, 0)).toBe("new");
  });
});

describe("dates", () => {
  const now = new Date("2026-05-10T12:00:00Z");
  it("formats relative times", () => {
    expect(formatRelative("2026-05-10T11:59:40Z", now)).toBe("just now");
    expect(formatRelative("2026-05-10T09:00:00Z", now)).toBe("3 h ago");
    expect(formatRelative("2026-05-08T12:00:00Z", now)).toBe("2 d ago");
  });
  it("formats exact UTC", () => {
    expect(formatUtc("2026-05-01T14:03:22.125Z")).toBe("2026-05-01 14:03:22 UTC");
  });
});
