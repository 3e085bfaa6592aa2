import { describe, expect, it } from 'vitest';
import {
  changesOf,
  conflictRows,
  defaultChoice,
  draftOf,
  type PremiseFields,
  resolvedChanges,
} from './premise-edit';

const file: PremiseFields = {
  name: '阿林熟食加工坊',
  operator: '张雪林',
  phone: '18963641026',
  idNumber: '362330********8253',
  address: '丁桥镇大唐村1组23号',
  category: 'food_workshop',
  notes: null,
  keyObject: false,
};

describe('draftOf and changesOf', () => {
  it('starts a masked ID number empty and sends nothing for it unless typed', () => {
    const draft = draftOf(file);
    expect(draft.idNumber).toBe('');
    expect(changesOf(file, draft)).toEqual({});
    expect(changesOf(file, { ...draft, idNumber: '330104195005122542' })).toEqual({
      idNumber: '330104195005122542',
    });
  });

  it('sends only what changed, trimmed; an emptied optional field as null', () => {
    const draft = { ...draftOf(file), phone: ' 13900001234 ', operator: '', keyObject: true };
    expect(changesOf(file, draft)).toEqual({ phone: '13900001234', operator: null, keyObject: true });
  });
});

describe('conflictRows', () => {
  const theirs: PremiseFields = { ...file, phone: '13811112222', notes: '已搬迁' };

  it('lists a field both changed, a field only they changed, and a field only I changed', () => {
    const mine = { phone: '13900001234', name: '阿林熟食' };
    const rows = conflictRows(file, mine, theirs);
    expect(rows.map((r) => [r.field, r.theirs, r.mine, r.changedByThem, r.changedByMe])).toEqual([
      ['name', '阿林熟食加工坊', '阿林熟食', false, true],
      ['phone', '13811112222', '13900001234', true, true],
      ['notes', '已搬迁', null, true, false],
    ]);
    expect(rows.map(defaultChoice)).toEqual(['mine', 'mine', 'theirs']);
  });

  it('drops a field where we both wrote the same', () => {
    expect(conflictRows(file, { phone: '13811112222' }, theirs).map((r) => r.field)).toEqual(['notes']);
  });

  it('sends on top of theirs the fields where mine was chosen', () => {
    const rows = conflictRows(file, { phone: '13900001234', name: '阿林熟食' }, theirs);
    expect(resolvedChanges(rows, { phone: 'theirs' })).toEqual({ name: '阿林熟食' });
    expect(resolvedChanges(rows, { notes: 'mine' })).toEqual({
      name: '阿林熟食',
      phone: '13900001234',
      notes: null,
    });
  });
});
