/**
 * Traditional → simplified for the characters the rules look at (cue words, units, numerals,
 * metadata labels). Letters from mirror sites are in traditional script; with this one-to-one
 * character map a single set of simplified rules reads both without moving any offset.
 */

const PAIRS =
  '萬万億亿個个兩两處处項项將将計计劃划爭争確确預预規规對对關关於于屆届會会議议號号區区縣县鄉乡鎮镇長长東东門门們们來来' +
  '時时間间為为與与這这後后幾几實实現现達达設设備备條条線线點点專专業业經经費费總总額额資资產产續续進进過过還还開开發发' +
  '際际術术學学園园務务應应當当辦办據据報报書书記记動动勢势態态標标準准層层級级類类種种籌筹資资網网構构與与體体礎础' +
  '職职員员數数據据億亿濟济營营廣广場场館馆戶户輛辆張张棟栋塊块間间畝亩噸吨點点級级屬属萊莱協协調调雙双慶庆齊齐' +
  '裝装覆覆蓋盖範范圍围區区險险災灾護护療疗衛卫醫医藥药補补貼贴傳传統统積积極极爭争擴扩護护舊旧覽览舉举辦办驗验' +
  '啟启動动達达標标準准歲岁幫帮熱热節节約约優优質质貨货運运輸输鐵铁橋桥顯显邊边遠远遷迁遺遗興兴華华團团黨党軍军' +
  '車车門门無无費费電电話话聯联繫系係系寫写稱称確确認认證证識识試试詳详說说請请讓让謝谢諸诸計计訂订詢询議议論论' +
  '設设評评課课調调談谈貸贷費费購购賬账貫贯賽赛贊赞趕赶題题須须頂顶順顺頒颁領领頭头額额風风飛飞養养館馆驅驱驗验' +
  '體体髮发鬥斗魚鱼鳥鸟麥麦黃黄齡龄龍龙龜龟並并乾干亂乱亞亚僅仅從从倉仓傷伤億亿價价優优兒儿兩两內内冊册決决況况' +
  '凈净剛刚創创劇剧務务勞劳勵励匯汇協协卻却參参雜杂雙双發发變变叢丛員员問问啟启喪丧單单嚴严團团圍围園园圖图場场' +
  '壞坏壓压夠够夢梦奮奋婦妇媽妈孫孙寧宁審审寶宝導导將将尋寻對对屆届層层峽峡崗岗帶带廳厅廠厂廢废彈弹徑径從从復复' +
  '徹彻憑凭應应懷怀戰战擁拥擇择攜携據据擬拟擴扩擺摆數数斷断歷历歸归殘残氣气決决沒没況况洶汹濕湿溝沟滿满漢汉澤泽' +
  '燈灯爐炉牆墙獎奖環环現现療疗瘧疟盡尽監监盤盘碼码礎础禮礼穩稳競竞筆笔範范築筑節节簡简糧粮紀纪約约納纳紙纸級级' +
  '組组細细終终結结給给絡络統统絲丝綜综綠绿維维網网緊紧線线編编緩缓縮缩織织繼继罰罚聲声聯联肅肃脫脱腦脑舉举艱艰' +
  '蘇苏蟲虫衝冲補补裡里製制複复襲袭規规視视覺觉觀观討讨訓训記记許许設设訪访診诊證证評评詞词試试詳详誌志認认誤误' +
  '說说課课調调請请諾诺謀谋講讲謹谨證证識识護护讀读變变讓让豐丰貝贝負负財财責责貧贫貨货販贩貫贯貴贵貸贷費费資资' +
  '賓宾賠赔質质購购賽赛贈赠趨趋蹤踪車车軌轨軟软較较載载輔辅輕轻輸输轉转農农迴回週周進进運运過过達达違违適适遞递' +
  '遠远選选遺遗還还邊边鄰邻醫医釋释針针鈕钮銀银銷销鋪铺錄录錢钱鍊炼鍵键鎖锁鏈链鐘钟鑒鉴長长閉闭開开閒闲閱阅闊阔' +
  '闡阐隊队階阶際际隨随險险隱隐雖虽雞鸡離离難难電电靈灵靜静響响頁页項项順顺預预領领頻频題题顏颜類类顧顾飯饭餘余' +
  '館馆騰腾驗验骯肮體体鬧闹麗丽點点黨党齊齐淨净濾滤禦御臺台盞盏隻只撥拨麼么鑄铸鋼钢別别擋挡塊块殼壳蘭兰劑剂廁厕瀘泸' +
  '機机騰腾沖冲稅税執执獲获貿贸僑侨檢检測测權权擔担師师漁渔獸兽礦矿訊讯郵邮灣湾儲储習习託托聽听戲戏藝艺幹干彙汇陽阳陰阴鄭郑遼辽瀋沈雲云陝陕贛赣閩闽廈厦魯鲁粵粤瓊琼陸陆圓圆釐厘裏里樁桩樓楼償偿債债繕缮檔档鑑鉴嘗尝連连鄰邻澇涝營营濱滨灘滩廣广衝冲襲袭壩坝渠渠溝沟橋桥韌韧';

const SIMPLIFIED = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) {
  SIMPLIFIED.set(PAIRS[i]!, PAIRS[i + 1]!);
}

/** Full-width forms, dash and tilde variants and exotic spaces, each to one ASCII character. */
function halfWidth(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) {
    const ascii = String.fromCharCode(code - 0xfee0);
    return ascii === '~' ? '-' : ascii;
  }
  switch (ch) {
    case '\u00a0':
    case '\u3000':
    case '\u2002':
    case '\u2003':
    case '\u2009':
    case '\t':
      return ' ';
    case '—':
    case '–':
    case '―':
    case '‒':
    case '〜':
    case '~':
    case '－':
    case '‐':
    case '‑':
      return '-';
    default:
      return ch;
  }
}

/**
 * Each UTF-16 unit as the rules read it (simplified, half-width), always one unit for one, as
 * a table: letters are read character by character.
 */
export const PLAIN_CODE: Uint16Array = (() => {
  const table = new Uint16Array(0x10000);
  for (let code = 0; code < 0x10000; code++) table[code] = code;
  for (const [from, to] of SIMPLIFIED) table[from.charCodeAt(0)] = to.charCodeAt(0);
  for (let code = 0; code < 0x3100; code++) {
    const ch = String.fromCharCode(code);
    if (!SIMPLIFIED.has(ch)) table[code] = halfWidth(ch).charCodeAt(0);
  }
  for (let code = 0xff00; code < 0x10000; code++)
    table[code] = halfWidth(String.fromCharCode(code)).charCodeAt(0);
  return table;
})();
