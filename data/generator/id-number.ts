import type { Rng } from './prng';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The ISO 7064 MOD 11-2 check character of the first 17 digits of a resident ID number. */
export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** Other Hangzhou districts, and the home counties of the area's migrant shopkeepers. */
const HANGZHOU = ['330102', '330103', '330105', '330106', '330108', '330110', '330182'];
const ELSEWHERE = [
  '330327',
  '330682',
  '331081',
  '340824',
  '341221',
  '342422',
  '360428',
  '362330',
  '411526',
  '412728',
  '500235',
  '511322',
  '522425',
];

/** A valid-looking 18-digit ID: region, birth date, sequence (odd for men), check digit. */
export function idNumber(rng: Rng, male: boolean, migrant: boolean): string {
  const region = migrant ? rng.pick(ELSEWHERE) : rng.chance(0.8) ? '330104' : rng.pick(HANGZHOU);
  const birth = new Date(Date.UTC(rng.int(1950, 1986), 0, 1) + rng.int(0, 364) * 86_400_000);
  const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '');
  const sequence = rng.int(0, 49) * 2 + (male ? 1 : 0) + rng.int(0, 9) * 100;
  const first17 = `${region}${ymd}${String(sequence).padStart(3, '0')}`;
  return first17 + idCheckDigit(first17);
}
