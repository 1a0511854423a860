/**
 * Is a clause a plan or a report? Letters mix what has been done (已建成12个, 截至2019年6月,
 * 累计) with what will be done (将, 计划, 争取, 年内). The cue words are the letter's own
 * grammar of promise; a clause with no cue takes the tense of the clauses around it.
 */

export type Tense = 'future' | 'past' | 'neutral';

/** Modal and planning words that make a clause a promise even next to 已 (已列入计划,将…). */
const STRONG_FUTURE =
  /(?<!现)将(?!近)|拟|计划(?!生育)|(?<!通过)争取(?!了|到(?!\s*(?:\d|二〇|今年|明年|年底|年内)))|力争|(?<!为)确保|预计|即将|(?<![需主重只纪摘概必])要(?![求素点件])|正在|力求|打算|准备|待建|预期|目标|建成后|着力|着重|力促|抓好/;
/** Words that lean forward but yield to an explicit past marker in the same clause. */
const WEAK_FUTURE =
  /规划|估算|概算|推动|推进|实现|启动|下一步|下步|今后|方案|为(?:了)?(?:解决|进一步|切实)|可容纳|建成后|投用后|投入使用后|建设规模|建设内容|设计规模/;
/** Aspect words (继续, 持续) continue the tense around them; alone they lean forward. */
const CONTINUING = /继续|持续|逐步|不断|陆续/;
const PAST =
  /已|截至|截止|以来|先后|曾经?|去年|上年|前年|近年来|近几年|多年来|顺利完成|(?<![为除到])了(?![解])/;
/** Totals and the present (累计, 共有, 目前): a report, except inside a future frame (到2024年,累计建成…). */
const SOFT_PAST = /累计|共有|共完成|现有|现管理|目前|当前|现阶段/;
/** Words that set the time frame of the rest of the sentence in the past (近年来, 截至…). */
const PAST_FRAME = /近年来|近几年|多年来|以来|截至|截止|过去|去年|上年|前年|此前/;
/** The deputy's own words or request, quoted back in the reply. */
const RESTATING =
  /建议中|您提出|你提出|您们提出|你们提出|代表提出|您建议|你建议|要求解决|反映的|所提|^\s*(?:\d+[.、]|[一二三四五六七八九十]+、)?\s*关于[“"]/;
/** Resources obtained (申请到路灯40盏, 安排资金): done, but for work still to come. */
const SECURED = /申请|争取|筹措|筹集|安排|落实|下达|获批/;
/** A plan explicitly turned down. */
const REJECTED =
  /未能|暂不|暂未|暂时未|暂时没有|暂时不能|没有必要|不能修建|无法实施|不予|不再|取消|暂缓|推迟实施|延期实施|搁置/;
/** A plan of before (原计划…), which a rejection in the next sentence turns down. */
export const FORMER_PLAN = /原计划|原定|原拟|原规划/;
/** From here on the letter speaks about what comes next. */
export const PLAN_MODE_MARKER = /新的一年|下一步|下步|今后|下阶段|接下来|下一阶段/;
/** Closing courtesies (欢迎您今后多提宝贵意见) mention 今后 without announcing plans. */
export const COURTESY = /欢迎|感谢|谢谢|希望您|请您|宝贵意见|关心和支持/;

export interface ClauseCues {
  strongFuture: boolean;
  weakFuture: boolean;
  continuing: boolean;
  past: boolean;
  /** the only past markers are totals or the present, which a future year turns into targets */
  softPastOnly: boolean;
  restating: boolean;
  rejected: boolean;
  /** opens a past time frame (2021年以来, 截至6月, a year before the letter) */
  pastFrame: boolean;
  /** where the frame word and the first modal stand, to tell 力争到2018年 from 2019年以来…争取 */
  pastFrameAt: number;
  strongFutureAt: number;
  /** names a time from the letter on (今年, 2026年) */
  futureFrame: boolean;
  /** speaks of resources obtained (申请, 安排资金), which the next clause may put to work */
  secured: boolean;
}

export function clauseCues(text: string): ClauseCues {
  return {
    strongFuture: STRONG_FUTURE.test(text),
    weakFuture: WEAK_FUTURE.test(text),
    continuing: CONTINUING.test(text),
    past: PAST.test(text) || SOFT_PAST.test(text),
    softPastOnly: !PAST.test(text) && SOFT_PAST.test(text),
    restating: RESTATING.test(text),
    rejected: REJECTED.test(text),
    pastFrame: PAST_FRAME.test(text),
    pastFrameAt: text.search(PAST_FRAME),
    strongFutureAt: text.search(STRONG_FUTURE),
    futureFrame: false,
    secured: SECURED.test(text),
  };
}

/**
 * The tense a clause's own words give it, or null when they give none. `context` is the tense
 * of the text before it, which aspect words (继续, 持续) carry on.
 */
export function ownTense(cues: ClauseCues, context: Tense): Tense | null {
  if (cues.strongFuture) return 'future';
  if (cues.past) return 'past';
  if (cues.weakFuture) return 'future';
  if (cues.continuing) return context === 'past' ? 'past' : 'future';
  return null;
}
