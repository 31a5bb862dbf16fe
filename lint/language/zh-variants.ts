/**
 * Traditional to simplified Chinese folding, one character for one, so that
 * offsets in folded text are offsets in the original. The Chinese lexicon is
 * written in simplified characters; traditional text is folded before it is
 * matched. The table covers the characters of consent, account, commerce and
 * interface wording; a character not in it is left as it is.
 */

/** Traditional/simplified pairs, two characters each. */
const PAIRS = `
個个 們们 這这 來来 時时 會会 為为 爲为 說说 對对 與与 於于 從从 還还 後后 裡里 裏里 麼么 嗎吗
點点 擊击 開开 關关 門门 問问 間间 聞闻 閱阅 閉闭 閃闪 閒闲 隱隐 權权 條条 務务 協协 議议 規规 則则
範范 內内 資资 訊讯 電电 話话 號号 碼码 郵邮 帳账 賬账 戶户 設设 錄录 註注 冊册 證证 認认 驗验 書书
讀读 寫写 聽听 見见 視视 覺觉 親亲 觀观 現现 顯显 廣广 營营 銷销 優优 購购 買买 賣卖 價价 錢钱 費费
貨货 單单 訂订 預预 約约 記记 憶忆 請请 讓让 謝谢 識识 詳详 細细 談谈 論论 語语 調调 統统 計计 數数
據据 處处 傳传 輸输 遞递 給给 轉转 換换 夥伙 團团 體体 機机 構构 係系 繫系 聯联 絡络 網网 線线 連连
結结 載载 裝装 軟软 應应 產产 質质 險险 護护 衛卫 圖图 畫画 臉脸 紋纹 聲声 麗丽 態态 興兴 檔档 歷历
曆历 紀纪 廠厂 贊赞 讚赞 辦办 報报 紙纸 簡简 鐘钟 鍾钟 頭头 實实 際际 區区 鄰邻 園园 車车 輛辆 駕驾
駛驶 導导 舉举 賽赛 獎奖 遊游 戲戏 樂乐 動动 參参 勝胜 負负 幣币 贏赢 積积 級级 員员 帶带 領领 選选
擇择 項项 啟启 儲储 確确 繼继 續续 進进 過过 刪删 編编 輯辑 齊齐 東东 馬马 鳥鸟 魚鱼 龍龙 風风 雲云
氣气 溫温 濕湿 熱热 陽阳 陰阴 歲岁 週周 樣样 種种 類类 萬万 億亿 兩两 幾几 無无 沒没 儘尽 盡尽 學学
習习 醫医 藥药 師师 經经 濟济 業业 農农 漢汉 華华 國国 臺台 颱台 灣湾 縣县 鄉乡 鎮镇 鐵铁 罰罚 詐诈
騙骗 貸贷 銀银 財财 徵征 評评 額额 償偿 債债 術术 準准 標标 測测 試试 練练 訓训 貼贴 將将 頻频 攝摄
鏡镜 麥麦 穩稳 壓压 礙碍 韓韩 義义 禮礼 節节 彈弹 擁拥 擠挤 總总 隨随 滿满 減减 紅红 綠绿 藍蓝 黃黄
顏颜 燈灯 飯饭 館馆 飲饮 麵面 湯汤 雞鸡 豬猪 蘭兰 葉叶 藝艺 劇剧 場场 眾众 衆众 歡欢 愛爱 戀恋 媽妈
兒儿 陳陈 劉刘 張张 楊杨 趙赵 吳吴 許许 頁页 題题 顆颗 願愿 順顺 須须 頓顿 顧顾 飛飞 養养 餘余 髮发
發发 鬥斗 鬧闹 黨党 齡龄 災灾 烏乌 煙烟 爭争 牆墙 狀状 獨独 獲获 環环 畢毕 異异 療疗 盜盗 盤盘 礎础
稅税 窮穷 竊窃 筆笔 築筑 簽签 籤签 糧粮 純纯 紛纷 終终 組组 絕绝 絲丝 綁绑 綜综 維维 緊紧 締缔 緩缓
縮缩 績绩 織织 繩绳 繳缴 纜缆 罷罢 羅罗 聖圣 職职 肅肃 脅胁 腦脑 腳脚 膽胆 臟脏 髒脏 臨临 舊旧 艱艰
蘋苹 虛虚 蟲虫 衝冲 沖冲 補补 製制 複复 復复 襲袭 覽览 觸触 討讨 託托 訪访 訴诉 診诊 詞词 詩诗 該该
誤误 誰谁 課课 諸诸 諾诺 講讲 譯译 變变 豐丰 貓猫 貝贝 貢贡 貧贫 販贩 責责 貴贵 貿贸 賓宾 賞赏 賠赔
贈赠 趕赶 趨趋 躍跃 軌轨 軍军 輕轻 較较 輔辅 輪轮 辭辞 運运 達达 違违 遙遥 遠远 適适 遲迟 遷迁 遺遗
邊边 邏逻 針针 鈴铃 鋪铺 錯错 鍵键 鎖锁 鏈链 長长 隊队 階阶 隻只 雖虽 雙双 雜杂 離离 難难 靈灵 靜静
響响 頂顶 頒颁 頸颈 飄飘 飽饱 餅饼 驅驱 驚惊 魯鲁 鮮鲜 鳴鸣 嘗尝 圍围 圓圆 塊块 塵尘 墊垫 壞坏 壽寿
夠够 夢梦 奪夺 奮奋 妝妆 寧宁 審审 寬宽 寶宝 專专 尋寻 層层 屬属 島岛 峽峡 嶺岭 帥帅 幫帮 庫库 廁厕
廢废 廳厅 彌弥 彎弯 徑径 徹彻 恆恒 悅悦 惡恶 惱恼 慣惯 慘惨 慮虑 憂忧 憑凭 懷怀 懶懒 戰战 執执 擴扩
掃扫 掛挂 採采 揚扬 損损 搖摇 搶抢 撥拨 擋挡 擔担 擬拟 擾扰 攔拦 攜携 敗败 敵敌 斂敛 斷断 晉晋 暢畅
曉晓 極极 榮荣 槍枪 樹树 橋桥 橫横 檢检 櫃柜 歐欧 歸归 殺杀 殼壳 毀毁 滅灭 滯滞 漁渔 漲涨 潔洁 潛潜
澤泽 濾滤 瀏浏 灘滩 燒烧 燦灿 爛烂 爾尔 牽牵 猶犹 獻献 瑣琐 當当 疊叠 監监 盧卢 礦矿 禪禅 稱称 穀谷
窩窝 競竞 箋笺 糾纠 納纳 紐纽 紹绍 絨绒 緒绪 緣缘 繪绘 羨羡 脫脱 腫肿 膠胶 艦舰 蓋盖 蓮莲 薦荐 薩萨
蘇苏 蝕蚀 褲裤 襯衬 詢询 誌志 誘诱 誠诚 諮谘 謂谓 謹谨 譜谱 跡迹 蹤踪 踐践 釋释 釣钓 鈕钮 銳锐 鋼钢
錦锦 鍛锻 鑑鉴 鑰钥 閘闸 闊阔 陸陆 韌韧 飾饰 駐驻 騎骑 驟骤 鬆松 鹽盐 蒐搜 兌兑 備备 況况 決决 並并
僅仅 創创 強强 暫暂 棄弃 淨净 劃划 卻却 嚴严 亞亚 儀仪 勵励 勞劳 勢势 壇坛 屆届 揮挥 擺摆 敘叙 滾滚
漸渐 濃浓 籌筹 莊庄 鋒锋 閣阁 劑剂 賴赖 鬱郁 彙汇 匯汇 擷撷 凍冻 喚唤 嘆叹 噴喷 堅坚 壯壮 奧奥 婦妇
孫孙 拋抛 掙挣 攤摊 斬斩 淚泪 潤润 磚砖 齒齿 倆俩 偵侦 側侧 偽伪 傑杰 傘伞 傷伤 傾倾 僑侨 儉俭 剛刚
劍剑 夾夹 嬰婴 寢寝 寵宠 岡冈 崗岗 廚厨 廟庙 恥耻 悶闷 慶庆 憲宪 懸悬 撲扑 暈晕 曬晒 樓楼 樞枢 櫻樱
欄栏 殘残 汙污 淺浅 溝沟 滬沪 潰溃 濱滨 爐炉 狹狭 獅狮 獵猎 瑪玛 矯矫 禍祸 纖纤 脈脉 膚肤 艙舱 虧亏
蝦虾 誕诞 諒谅 謊谎 謎谜 謠谣 譽誉 賀贺 賢贤 賦赋 賺赚 輝辉 輩辈 辯辩 遜逊 醬酱 釘钉 鈔钞 鉛铅 銅铜
鋁铝 鍋锅 闖闯 陣阵 霧雾 韻韵 頑顽 頗颇 飢饥 餓饿 餵喂 駁驳 騰腾 騷骚 驕骄 鴨鸭 龐庞 盃杯 闆板 捨舍
兇凶 幹干 迴回 昇升 籃篮 顛颠 鑽钻 檯台 鎊镑 紗纱 綫线 燭烛 穢秽 簾帘 籠笼 聳耸
`;

/** Simplified variants folded to the form the lexicon uses (帐号 and 账号 are both written). */
const SIMPLIFIED_VARIANTS = "帐账";

/**
 * Simplified forms that are also ordinary traditional characters (后 "queen",
 * 里 "village", 台 "platform"): their presence says nothing about the script.
 */
const SHARED_FORMS = new Set("后里台面干于系只云余谷准斗冲征制松范板采志几周注伙托迹党凶舍杯升回郁并划却庄");

function buildFold(): Map<string, string> {
  const fold = new Map<string, string>();
  for (const pair of PAIRS.split(/\s+/u)) {
    if (pair.length === 0) continue;
    const [from, to] = [...pair];
    if (from !== to) fold.set(from, to);
  }
  for (let i = 0; i + 1 < SIMPLIFIED_VARIANTS.length; i += 2) fold.set(SIMPLIFIED_VARIANTS[i], SIMPLIFIED_VARIANTS[i + 1]);
  return fold;
}

const FOLD = buildFold();

/** Characters only simplified text uses. */
const SIMPLIFIED_ONLY: ReadonlySet<string> = new Set([...new Set(FOLD.values())].filter((c) => !SHARED_FORMS.has(c) && !FOLD.has(c)));

/** Every traditional/simplified pair of the table, for tests and tools. */
export function variantPairs(): ReadonlyArray<readonly [string, string]> {
  return [...FOLD.entries()];
}

/** The text with traditional characters replaced by simplified ones; same length, same offsets. */
export function foldToSimplified(text: string): string {
  let out = "";
  for (const ch of text) out += FOLD.get(ch) ?? ch;
  return out;
}

/** Counts of characters that only traditional, and only simplified, text uses. */
export function scriptEvidence(text: string): { traditional: number; simplified: number } {
  let traditional = 0;
  let simplified = 0;
  for (const ch of text) {
    if (FOLD.has(ch) && !SIMPLIFIED_VARIANTS.includes(ch)) traditional++;
    else if (SIMPLIFIED_ONLY.has(ch)) simplified++;
  }
  return { traditional, simplified };
}
