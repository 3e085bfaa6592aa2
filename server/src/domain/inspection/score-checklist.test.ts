import { describe, expect, it } from 'vitest';
import { defaultStandardItems } from './default-standards';
import { scoreChecklist } from './score-checklist';
import type { Standard } from './standard';

const restaurant: Standard = {
  category: 'restaurant',
  version: 3,
  items: defaultStandardItems('restaurant'),
  note: '',
  createdBy: null,
  createdAt: '2024-01-01T00:00:00.000Z',
};

describe('scoreChecklist', () => {
  it('raises the problems of failed items plus those added, once each, in the plan’s order', () => {
    const scored = scoreChecklist(
      restaurant,
      [
        { code: 'facilities.fume', passed: false },
        { code: 'licence.catering', passed: false },
        { code: 'facilities.disinfection', passed: false },
        { code: 'hygiene.clean', passed: true },
      ],
      ['counterfeit'],
    );
    expect(scored.problems).toEqual(['unlicensed', 'counterfeit', 'substandard_facilities']);
    expect(scored.checklist.version).toBe(3);
    expect(scored.checklist.items.find((i) => i.code === 'hygiene.clean')?.passed).toBe(true);
    expect(scored.checklist.items.find((i) => i.code === 'scope.licensed')?.passed).toBeNull();
  });

  it('names codes the standard does not have and codes answered twice', () => {
    const scored = scoreChecklist(restaurant, [
      { code: 'hygiene.clean', passed: true },
      { code: 'hygiene.clean', passed: false },
      { code: 'lpg.cylinder_inspection', passed: true },
    ]);
    expect(scored.unknown).toEqual(['lpg.cylinder_inspection']);
    expect(scored.repeated).toEqual(['hygiene.clean']);
  });

  it('gives every trade an item per licence it needs and one for each of the plan’s problems', () => {
    expect(
      defaultStandardItems('pharmacy')
        .map((i) => i.code)
        .slice(0, 2),
    ).toEqual(['licence.business', 'licence.drug_trade']);
    for (const code of ['food_workshop', 'lpg_point', 'audio_video'] as const) {
      const problems = new Set(defaultStandardItems(code).map((i) => i.problem));
      expect(problems.size, code).toBe(5);
    }
  });
});
