import { Access } from '@lantoa/kit';
import { ExemplarAction, ExemplarStatus } from './exemplar.enums.js';

/**
 * The lifecycle as data: which step leads from which statuses to which, and
 * what it needs. registered → proposed → verified → recognised and/or awarded
 * → publicised → replicated; rejected from proposed; revoked from anywhere
 * but the two ends (with a reason). Everything else is refused with CONFLICT.
 */
export interface Step {
  from: readonly ExemplarStatus[];
  to: ExemplarStatus;
  /** Verifying, rejecting, honouring and revoking are reviewers' decisions; proposing and spreading editors' work. */
  access: Access.EDIT | Access.REVIEW;
  /** The note must say why. */
  needsNote?: boolean;
}

const S = ExemplarStatus;

export const STEPS: Record<ExemplarAction, Step> = {
  PROPOSE: { from: [S.REGISTERED], to: S.PROPOSED, access: Access.EDIT },
  VERIFY: { from: [S.PROPOSED], to: S.VERIFIED, access: Access.REVIEW },
  REJECT: { from: [S.PROPOSED], to: S.REJECTED, access: Access.REVIEW, needsNote: true },
  RECOGNISE: { from: [S.VERIFIED], to: S.RECOGNISED, access: Access.REVIEW },
  AWARD: { from: [S.VERIFIED, S.RECOGNISED], to: S.AWARDED, access: Access.REVIEW },
  PUBLICISE: { from: [S.RECOGNISED, S.AWARDED], to: S.PUBLICISED, access: Access.EDIT },
  REPLICATE: { from: [S.PUBLICISED], to: S.REPLICATED, access: Access.EDIT },
  REVOKE: {
    from: [S.REGISTERED, S.PROPOSED, S.VERIFIED, S.RECOGNISED, S.AWARDED, S.PUBLICISED, S.REPLICATED],
    to: S.REVOKED,
    access: Access.REVIEW,
    needsNote: true,
  },
};

/** The steps the status allows (the console shows these as buttons, and only these). */
export const actionsFrom = (status: ExemplarStatus): ExemplarAction[] => (Object.keys(STEPS) as ExemplarAction[]).filter((a) => STEPS[a].from.includes(status));
