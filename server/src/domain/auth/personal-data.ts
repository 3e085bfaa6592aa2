import { maskIdNumber, maskName, maskPhone } from '../mask';
import { PERSONAL_FIELDS } from './policy';
import type { Role } from './roles';

export interface PersonalData {
  operator: string | null;
  phone: string | null;
  idNumber: string | null;
}

/**
 * A premise's personal data as a role may see it: ID numbers always masked (unmasking is its own,
 * logged, action), the phone and the operator's name as the policy says.
 */
export function personalView(role: Role, p: PersonalData): PersonalData {
  const fields = PERSONAL_FIELDS[role];
  return {
    operator: fields.operator === 'full' ? p.operator : maskName(p.operator),
    phone: fields.phone === 'full' ? p.phone : maskPhone(p.phone),
    idNumber: maskIdNumber(p.idNumber),
  };
}
