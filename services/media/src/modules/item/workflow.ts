import { Access } from '@lantoa/kit';
import { MediaAction, MediaStatus } from './item.enums.js';

/**
 * The editorial workflow as data: draft → in review → approved → published →
 * archived, rejection back to draft with a note. Approving and rejecting are
 * the outlet's reviewers' decisions; the rest is editors' work. Any other
 * step is refused with CONFLICT.
 */
export interface Step {
  from: readonly MediaStatus[];
  to: MediaStatus;
  access: Access.EDIT | Access.REVIEW;
  needsNote?: boolean;
}

const S = MediaStatus;

export const STEPS: Record<MediaAction, Step> = {
  SUBMIT: { from: [S.DRAFT], to: S.IN_REVIEW, access: Access.EDIT },
  APPROVE: { from: [S.IN_REVIEW], to: S.APPROVED, access: Access.REVIEW },
  REJECT: { from: [S.IN_REVIEW], to: S.DRAFT, access: Access.REVIEW, needsNote: true },
  SCHEDULE: { from: [S.APPROVED], to: S.APPROVED, access: Access.EDIT },
  PUBLISH: { from: [S.APPROVED], to: S.PUBLISHED, access: Access.EDIT },
  ARCHIVE: { from: [S.PUBLISHED], to: S.ARCHIVED, access: Access.EDIT },
};

/** The steps the status allows (the console shows these as buttons, and only these). */
export const actionsFrom = (status: MediaStatus): MediaAction[] => (Object.keys(STEPS) as MediaAction[]).filter((a) => STEPS[a].from.includes(status));
