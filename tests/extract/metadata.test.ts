/** Letter metadata in the forms seen on government sites. */
import { describe, expect, it } from 'vitest';
import { extractLetter } from '../../server/extract/index';

const letterOf = (text: string) => extractLetter(text).letter;

describe('letter metadata', () => {
  it('reads a Chinese-numeral signature date', () => {
    expect(letterOf('张三代表:\n现答复如下。\n某某县教育局\n二〇一五年三月十九日\n').letterDate).toBe(
      '2015-03-19',
    );
  });

  it('reads dates whose 年 and 月 the site dropped', () => {
    expect(letterOf('张三代表:\n答复。\n2022524日\n').letterDate).toBe('2022-05-24');
    expect(letterOf('张三代表:\n答复。\n202285\n').letterDate).toBe('2022-08-05');
  });

  it('reads a numeric date under the signature', () => {
    expect(letterOf('张三代表:\n答复。\n某某县水利局\n2023.5.5\n').letterDate).toBe('2023-05-05');
  });

  it('ignores page publication timestamps', () => {
    expect(letterOf('发布时间:2023-08-07 09:15\n张三代表:\n答复如下。').letterDate).toBeNull();
  });

  it('reads the agency from the signature, else from the title', () => {
    expect(letterOf('李四代表:\n答复。\n厦门市民政局\n2015年3月19日').agency).toBe('厦门市民政局');
    expect(
      letterOf('苍溪县财政局关于县十七届人大四次会议第69号建议办理结果的复函\n李四代表:\n答复。').agency,
    ).toBe('苍溪县财政局');
  });

  it('reads suggestion references in their variants', () => {
    expect(letterOf('厦门市民政局关于市十四届人大四次会议第260号建议办理情况的答复函').suggestionRef).toBe(
      '市十四届人大四次会议第260号',
    );
    expect(letterOf('你在区十六届人大二次会议期间提出的《关于…》的建议(第088号)悉。').suggestionRef).toBe(
      '区十六届人大二次会议第088号',
    );
    expect(letterOf('對政協(xié)瀘州市第七屆委員會第四次會議243號提案').suggestionRef).toBe(
      '政協瀘州市第七屆委員會第四次會議243號',
    );
    expect(letterOf('《关于解决问题的建议》(第5026号)收悉').suggestionRef).toBe('第5026号');
  });

  it('reads result grades, 甲乙丙 included', () => {
    expect(letterOf('办理结果:B\n张三代表:').resultGrade).toBe('B');
    expect(letterOf('辦理結果:A類\n张三代表:').resultGrade).toBe('A');
    expect(letterOf('答复类别:乙类\n张三代表:').resultGrade).toBe('B');
    expect(letterOf('注:办复类别共分ABC三类').resultGrade).toBeNull();
    expect(letterOf('类别:C\n熊林花代表:').resultGrade).toBe('C');
    expect(letterOf('关于第5号建议的答复(B类)\n熊林花代表:').resultGrade).toBe('B');
  });

  it('reads document number, deputies, contact and CC list', () => {
    const letter = letterOf(
      '厦民函〔2015〕8号\n尊敬的李晓林、周志勋代表:\n答复。\n联系人:岳世洲\n联系电话:0592-2892066\n抄送:市人大常委会人事代表工作室(2份),市政府督查室(1份)。',
    );
    expect(letter).toMatchObject({
      docNumber: '厦民函〔2015〕8号',
      deputy: '李晓林、周志勋',
      contactPerson: '岳世洲',
      contactPhone: '0592-2892066',
      cc: ['市人大常委会人事代表工作室', '市政府督查室'],
    });
  });

  it('keeps hyphenated suggestion numbers whole and leaves 答复 out of the reference', () => {
    expect(letterOf('关于市十五届人大二次会议第05-2号建议的答复').suggestionRef).toBe(
      '市十五届人大二次会议第05-2号',
    );
    expect(letterOf('你在县十八届人大二次会议上提出的建议(第6-3-041号)收悉。').suggestionRef).toBe(
      '县十八届人大二次会议第6-3-041号',
    );
    expect(letterOf('某某县水务局答复县十八届人大二次会议第12号建议').suggestionRef).toBe(
      '县十八届人大二次会议第12号',
    );
  });

  it('writes 中国人民政治协商会议 as 政协 and keeps a committee with its place', () => {
    expect(letterOf('中国人民政治协商会议泸西县委员会第十届第四次会议第13号提案').suggestionRef).toBe(
      '政协泸西县委员会第十届第四次会议第13号',
    );
    expect(letterOf('關于政協第十一屆花都區委員會第三次會議第3011號提案答復的函').suggestionRef).toBe(
      '政協第十一屆花都區委員會第三次會議第3011號',
    );
    expect(letterOf('人大建议第1972号关于加强山区公路建设的建议').suggestionRef).toBe('人大建议第1972号');
  });

  it('never takes the agency from a title year or the site footer', () => {
    expect(
      letterOf('2023年度某某县体育局关于县十八届人大二次会议第5号建议的答复\n李四代表:\n答复。').agency,
    ).toBe('某某县体育局');
    const footerOnly = letterOf('李四代表:\n答复。\n\n主办单位:某某市人民政府办公室 版权所有');
    expect(footerOnly.agency).toBeNull();
    expect(footerOnly.confidence.agency).toBe(0);
    expect(
      letterOf('李四代表:\n答复。\n网站主办单位:某某市大数据局 承办单位:某某市信息中心').agency,
    ).toBeNull();
  });

  it('expands a short name with the place the letter names', () => {
    const letter = letterOf(
      '欢迎访问广德市政府网站\n来源:市发改委(市粮储局)\n李四代表:\n我市将建设充电桩20个。感谢您的关心和支持!',
    );
    expect(letter.agency).toBe('广德市发改委(市粮储局)');
    expect(letter.confidence.agency).toBeLessThan(0.6);
    // no place of that level named: the short name stays as written
    expect(letterOf('李四代表:\n答复。\n市体育局\n2023年7月10日').agency).toBe('市体育局');
  });

  it('names a letter that only says 我局 from its own words, as a guess', () => {
    const letter = letterOf(
      '关于淮南市十七届人大三次会议第182号代表建议的答复函\n朱杰代表:\n一直是我局的主要工作。感谢您对我市交通运输事业的关注和支持。\n2023年5月5日',
    );
    expect(letter.agency).toBe('淮南市交通运输局');
    expect(letter.confidence.agency).toBeLessThan(0.5);
  });

  it('reads the agency from a name line over the heading', () => {
    expect(
      letterOf('柳林县城市管理服务中心\n\n关于对县十一届人大五次会议第23号建议的\n答 复\n李彩虹代表:\n答复。')
        .agency,
    ).toBe('柳林县城市管理服务中心');
  });

  it('reads the date on the signature line, whatever follows it', () => {
    const letter = letterOf(
      '李四代表:\n答复。\n某某县教育局 二〇二三年七月十日（联系人：王五，电话：1234567）',
    );
    expect(letter.letterDate).toBe('2023-07-10');
    expect(letter.agency).toBe('某某县教育局');
    const oneLine = letterOf('李四代表: 答复如下。感谢您的支持! 临沭县财政局 2022年7月1日 联系科室:经建科');
    expect(oneLine.letterDate).toBe('2022-07-01');
    expect(oneLine.agency).toBe('临沭县财政局');
  });

  it('takes the page publication date for a closed letter without its own, with a lower confidence', () => {
    const letter = letterOf(
      '发布时间:2022-06-30 08:39\n张三代表:\n答复如下。\n感谢您对教育工作的关心和支持!',
    );
    expect(letter.letterDate).toBe('2022-06-30');
    expect(letter.confidence.letterDate).toBeLessThan(0.8);
    expect(letterOf('发布日期：二〇二二年六月三十日\n张三代表:\n答复。此复。').letterDate).toBe('2022-06-30');
    const signed = letterOf('发布时间:2022-06-30\n张三代表:\n答复。\n某某县教育局\n2022年6月1日');
    expect(signed.letterDate).toBe('2022-06-01');
    expect(signed.confidence.letterDate).toBeGreaterThan(0.9);
  });

  it('reads a labelled date whose 年 and 月 the site dropped without ending the letter there', () => {
    const { letter, commitments } = extractLetter(
      `交办时间:2023815日办结时间:2023821\n办理回复:\n${'今年9月将新建幼儿园1所,开设12个教学班,容纳360名幼儿,解决入园难问题。'.repeat(2)}`,
    );
    expect(letter.letterDate).toBe('2023-08-21');
    expect(commitments.length).toBeGreaterThan(0);
  });

  it('gives every metadata field a confidence in [0, 1], 0 when the field is unknown', () => {
    const letter = letterOf(
      '厦民函〔2015〕8号\n苏辉明代表:\n答复。\n办理结果:B\n厦门市民政局\n2015年3月19日',
    );
    const fields = Object.keys(letter).filter((k) => k !== 'confidence');
    expect(Object.keys(letter.confidence).sort()).toEqual(fields.sort());
    for (const value of Object.values(letter.confidence)) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
    expect(letter.confidence.agency).toBeGreaterThan(0.9);
    expect(letter.confidence.resultGrade).toBeGreaterThan(0.9);
    expect(letter.suggestionRef).toBeNull();
    expect(letter.confidence.suggestionRef).toBe(0);
    expect(letter.confidence.title).toBe(0);
  });

  it('reads a grade said in a sentence, and a signature with its seal note', () => {
    const letter = letterOf('李四代表:\n本建议按B类办理。\n\n某某县水利局（盖章）\n\n2023年7月10日');
    expect(letter.resultGrade).toBe('B');
    expect(letter.agency).toBe('某某县水利局');
    expect(letterOf('办理结果类别为A类\n李四代表:').resultGrade).toBe('A');
  });

  it('reads the name line over a document number and heading, and cuts a site spam before the body', () => {
    expect(
      letterOf(
        '某某市体育局文件\n某体函〔2023〕5号\n关于市十五届人大二次会议第7号建议的答复\n李四代表:\n答复。',
      ).agency,
    ).toBe('某某市体育局');
    expect(letterOf('中国体育彩票人大第十七届四次会议 第68号建议的答复').suggestionRef).toBe(
      '人大第十七届四次会议第68号',
    );
  });

  it('reads a hyphenated number after 建议 and a page date labelled only 时间 for a closed letter', () => {
    expect(letterOf('代表建议第05-2号\n张三代表:\n答复。').suggestionRef).toBe('第05-2号');
    expect(letterOf('时间:2023-12-20\n张三代表:\n答复。\n联系人:李四').letterDate).toBe('2023-12-20');
  });

  it("does not take the site's clock for the letter's date", () => {
    expect(letterOf('今天是2023年12月20日 星期三\n张三代表:\n答复如下。').letterDate).toBeNull();
  });

  it('finds the place after a verb such as 列入 for a letter that says 我单位', () => {
    const letter = letterOf(
      '王建平代表:\n该项目已列入牟定县城乡供水一体化项目。交由我单位办理。感谢您们对我县水务工作的关心与支持。',
    );
    expect(letter.agency).toBe('牟定县水务局');
    expect(letter.confidence.agency).toBeLessThan(0.5);
  });
});
