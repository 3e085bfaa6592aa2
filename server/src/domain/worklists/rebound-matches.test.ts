import { describe, expect, it } from 'vitest';
import { SIMILAR_ADDRESS } from '../import/find-duplicates';
import { addressSimilarity } from '../import/text-similarity';
import { type Contact, keyedContact, operatorKey, phoneKey, reboundMatches } from './rebound-matches';

const contact = (id: number, f: Partial<Contact>): Contact => ({
  id,
  villageId: 1,
  category: 'restaurant',
  operator: null,
  phone: null,
  address: '丁桥镇三义村9组99号',
  ...f,
});
const closed = (id: number, closedOn: number, f: Partial<Contact>) => ({
  contact: keyedContact(contact(id, { address: '丁桥镇大唐村1组1号', ...f })),
  closedOn,
});
const fresh = (id: number, surveyedOn: number, f: Partial<Contact>) => ({
  contact: keyedContact(contact(id, f)),
  surveyedOn,
});

describe('reboundMatches', () => {
  it('finds the same operator, phone or address after the closure, naming the first that matches', () => {
    const shut = [
      closed(1, 100, { operator: '张雪林', phone: '139 0000 1111', address: '丁桥镇大唐村1组23号' }),
    ];
    const found = reboundMatches(shut, [
      fresh(10, 150, { operator: '张 雪林' }),
      fresh(11, 150, { phone: '13900001111' }),
      fresh(12, 150, { address: '杭州市江干区丁桥镇大唐村1组23号' }),
      fresh(13, 150, { address: '丁桥镇大唐村1组24号' }),
      fresh(14, 100, { operator: '张雪林' }),
    ]);
    expect(found.map((m) => [m.newId, m.matchedOn, m.matches])).toEqual([
      [11, 'phone', ['phone']],
      [10, 'operator', ['operator']],
      [12, 'address', ['address']],
    ]);
    const two = reboundMatches(
      [closed(2, 100, { operator: 'AB', phone: '057186001234' })],
      [fresh(15, 160, { operator: 'ＡＢ', phone: '0571-8600 1234' })],
    );
    expect(two[0]).toMatchObject({
      closedId: 2,
      newId: 15,
      matchedOn: 'operator',
      matches: ['operator', 'phone'],
    });
  });

  it('takes an address as the same place only within the same village', () => {
    const shut = [closed(1, 100, { address: '丁桥镇大唐村1组23号', villageId: 1 })];
    expect(reboundMatches(shut, [fresh(2, 150, { address: '丁桥镇大唐村1组23号', villageId: 2 })])).toEqual(
      [],
    );
    // 三义村1组23号 reads as 70 % like 大唐村1组23号 to the import's measure: another village, another place
    expect(addressSimilarity('丁桥镇三义村1组23号', '丁桥镇大唐村1组23号')).toBeGreaterThanOrEqual(
      SIMILAR_ADDRESS,
    );
    expect(reboundMatches(shut, [fresh(3, 150, { address: '丁桥镇三义村1组23号', villageId: 2 })])).toEqual(
      [],
    );
  });

  it('counts an operator’s name only in the same village or trade, unless asked to look everywhere', () => {
    const shut = [closed(1, 10, { operator: '王芳', villageId: 1, category: 'grocery' })];
    const elsewhere = fresh(2, 20, { operator: '王芳', villageId: 2, category: 'restaurant' });
    const sameTrade = fresh(3, 20, { operator: '王芳', villageId: 2, category: 'grocery' });
    const sameVillage = fresh(4, 20, { operator: '王芳', villageId: 1, category: 'restaurant' });
    expect(reboundMatches(shut, [elsewhere, sameTrade, sameVillage]).map((m) => m.newId)).toEqual([3, 4]);
    expect(reboundMatches(shut, [elsewhere], { operatorAnywhere: true }).map((m) => m.newId)).toEqual([2]);
    // a phone is a phone wherever it turns up
    const phoned = [closed(5, 10, { phone: '13900001111', villageId: 1, category: 'grocery' })];
    expect(
      reboundMatches(phoned, [fresh(6, 20, { phone: '13900001111', villageId: 3 })]).map((m) => m.newId),
    ).toEqual([6]);
  });

  it('never matches on empty operators or phones', () => {
    expect(
      reboundMatches(
        [closed(1, 1, { operator: ' ', phone: '' })],
        [fresh(2, 5, { operator: '', phone: null })],
      ),
    ).toEqual([]);
  });

  it('puts the strongest first: more fields, then a phone, then the latest to appear', () => {
    const shut = [closed(1, 10, { operator: '王芳', phone: '1', address: '丁桥镇大唐村1组1号' })];
    const found = reboundMatches(shut, [
      fresh(2, 50, { operator: '王芳' }),
      fresh(3, 20, { phone: '1' }),
      fresh(4, 30, { operator: '王芳', phone: '1' }),
      fresh(5, 40, { operator: '王芳' }),
    ]);
    expect(found.map((m) => m.newId)).toEqual([4, 3, 2, 5]);
  });

  it('equals comparing every pair', () => {
    const villages = ['大唐村', '三义村', '丁桥社区'];
    const names = ['王芳', '李强', '张伟', '刘洋'];
    const addr = (i: number) =>
      i % 11 === 0
        ? `丁桥镇${villages[i % 3]}东头`
        : `丁桥镇${villages[i % 3]}${(i % 4) + 1}组${(i * 7) % 13}号`;
    const trades = ['grocery', 'restaurant'];
    const shutContacts = Array.from({ length: 60 }, (_, i) =>
      contact(i + 1, {
        villageId: i % 3,
        category: trades[i % 2],
        operator: i % 5 === 0 ? null : names[i % 4],
        phone: i % 3 === 0 ? `1390000${i % 9}` : null,
        address: addr(i),
      }),
    );
    const laterContacts = Array.from({ length: 80 }, (_, i) =>
      contact(1000 + i, {
        villageId: (i * 3 + 1) % 3,
        category: trades[(i >> 1) % 2],
        operator: i % 6 === 0 ? names[(i + 1) % 4] : null,
        phone: i % 4 === 0 ? `1390000${i % 9}` : null,
        address: addr(i * 3 + 1),
      }),
    );
    const closedOn = (c: Contact) => 100 + (c.id % 20);
    const surveyedOn = (c: Contact) => 90 + (c.id % 40);
    const expected: [number, number][] = [];
    for (const n of laterContacts)
      for (const c of shutContacts) {
        if (surveyedOn(n) <= closedOn(c)) continue;
        const same =
          (operatorKey(n.operator) !== '' &&
            operatorKey(n.operator) === operatorKey(c.operator) &&
            (n.villageId === c.villageId || n.category === c.category)) ||
          (phoneKey(n.phone) !== '' && phoneKey(n.phone) === phoneKey(c.phone)) ||
          (n.villageId === c.villageId && addressSimilarity(n.address, c.address) >= SIMILAR_ADDRESS);
        if (same) expected.push([n.id, c.id]);
      }
    const got = reboundMatches(
      shutContacts.map((c) => ({ contact: keyedContact(c), closedOn: closedOn(c) })),
      laterContacts.map((c) => ({ contact: keyedContact(c), surveyedOn: surveyedOn(c) })),
    ).map((m) => [m.newId, m.closedId]);
    const order = (a: number[], b: number[]) => a[0] - b[0] || a[1] - b[1];
    expect(got.sort(order)).toEqual(expected.sort(order));
    expect(expected.length).toBeGreaterThan(20);
  });
});
