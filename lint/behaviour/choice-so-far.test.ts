import { describe, expect, it } from "vitest";
import { choiceSoFar } from "./choice-so-far.js";

const click = (targetText: string) => ({ action: "click", targetText });

describe("choiceSoFar", () => {
  it("is none before the person acts on a consent request, and after clicks that choose nothing", () => {
    expect(choiceSoFar([])).toBe("none");
    expect(choiceSoFar([click("Cookie settings"), click("Read more"), { action: "reload", targetText: "" }], undefined, "en")).toBe("none");
  });

  it("reads refusing and accepting controls in en, de and zh, the last one deciding", () => {
    expect(choiceSoFar([click("Reject all")], undefined, "en")).toBe("refused");
    expect(choiceSoFar([click("Nur notwendige Cookies")], undefined, "de")).toBe("refused");
    expect(choiceSoFar([click("拒绝")], undefined, "zh-CN")).toBe("refused");
    expect(choiceSoFar([click("Alle akzeptieren")], undefined, "de")).toBe("accepted");
    expect(choiceSoFar([click("Accept all"), click("Cookie settings"), click("Reject all")], undefined, "en")).toBe("refused");
    expect(choiceSoFar([click("Reject all"), { action: "reload", targetText: "" }], undefined, "en")).toBe("refused");
  });

  it("takes the step's declared choice over the clicks (a second layer saved with everything off)", () => {
    expect(choiceSoFar([click("Save my choices")], "refused", "en")).toBe("refused");
    expect(choiceSoFar([click("Reject all")], "accepted", "en")).toBe("accepted");
  });

  it("reads a consent run's own choice", () => {
    expect(choiceSoFar([{ action: "reject", targetText: "Klaro (autoconsent)" }])).toBe("refused");
    expect(
      choiceSoFar([
        { action: "accept", targetText: "Klaro (autoconsent)" },
        { action: "reload", targetText: "" },
      ]),
    ).toBe("accepted");
  });

  it("does not read a typed value or a box ticked as a choice", () => {
    expect(
      choiceSoFar(
        [
          { action: "fill", targetText: "Reject" },
          { action: "check", targetText: "Accept all" },
        ],
        undefined,
        "en",
      ),
    ).toBe("none");
  });
});
