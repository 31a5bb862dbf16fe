import { describe, expect, it } from "vitest";
import { foldToSimplified, scriptEvidence, variantPairs } from "./zh-variants.js";

describe("traditional to simplified folding", () => {
  it("folds one character for one, so offsets hold", () => {
    const text = "購票即表示您同意將您的個人資料提供予主辦單位之贊助商";
    const folded = foldToSimplified(text);
    expect(folded).toBe("购票即表示您同意将您的个人资料提供予主办单位之赞助商");
    expect(folded.length).toBe(text.length);
  });

  it("leaves simplified text, Latin text and unknown characters as they are", () => {
    expect(foldToSimplified("同意将我的手机号提供给合作商家 OK")).toBe("同意将我的手机号提供给合作商家 OK");
  });

  it("has only single-character pairs that change the character", () => {
    for (const [from, to] of variantPairs()) {
      expect(from.length).toBe(1);
      expect(to.length).toBe(1);
      expect(from).not.toBe(to);
    }
  });

  it("covers the characters of the traditional consent vocabulary", () => {
    const words =
      "隱私權 條款 個人化廣告 合作夥伴 行銷 電子報 通訊錄 帳號 登入 訓練 徵信 評估 授權 點擊 繼續 視為 購買 訂閱 簡訊 資料 臉部 指紋 聲紋 瀏覽紀錄 興趣檔案 統計 數據 贊助商 關係企業";
    const folded = foldToSimplified(words);
    expect(folded).toBe(
      "隐私权 条款 个人化广告 合作伙伴 行销 电子报 通讯录 账号 登入 训练 征信 评估 授权 点击 继续 视为 购买 订阅 简讯 资料 脸部 指纹 声纹 浏览纪录 兴趣档案 统计 数据 赞助商 关系企业",
    );
  });
});

describe("script evidence", () => {
  it("counts characters only traditional, or only simplified, text uses", () => {
    expect(scriptEvidence("隱私權偏好設定")).toEqual({ traditional: 3, simplified: 0 });
    expect(scriptEvidence("隐私设置")).toEqual({ traditional: 0, simplified: 2 });
    expect(scriptEvidence("同意")).toEqual({ traditional: 0, simplified: 0 });
  });

  it("does not count simplified forms that are also ordinary traditional characters", () => {
    expect(scriptEvidence("台后里面").simplified).toBe(0);
  });
});
