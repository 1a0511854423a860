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
});
