import { describe, expect, it } from "vitest";
import { namesAction } from "./action-names.js";

describe("namesAction", () => {
  it("matches the button named in quotes, whatever the case and punctuation", () => {
    expect(namesAction('"Pay now"', "Pay now")).toBe(true);
    expect(namesAction("„Jetzt bezahlen“", "Jetzt bezahlen")).toBe(true);
    expect(namesAction("立即支付", "立即支付")).toBe(true);
    expect(namesAction("pay", "PAY NOW")).toBe(true);
  });
  it("matches another form of the button's verb", () => {
    expect(namesAction("installing", "Install")).toBe(true);
    expect(namesAction("continuing", "Continue")).toBe(true);
    expect(namesAction("Installation", "Installieren")).toBe(true);
  });
  it("does not match a different action", () => {
    expect(namesAction("installing", "Sign up")).toBe(false);
    expect(namesAction("点击注册", "立即支付")).toBe(false);
    expect(namesAction("subscribing", "Submit")).toBe(false);
    expect(namesAction("", "Pay")).toBe(false);
  });
});
