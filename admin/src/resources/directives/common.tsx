import { Chip, Link as MuiLink, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { AutocompleteInput, ReferenceInput, useRecordContext, useTranslate, type FieldProps, type Validator } from 'react-admin';

/** Enum values of the directives API, in the order menus show them. */
export const FAMILIES = ['PARTY', 'STATE', 'MASS_ORGANIZATION'] as const;
export const DOCUMENT_TYPES = [
  'RESOLUTION',
  'DIRECTIVE',
  'CONCLUSION',
  'REGULATION',
  'DECISION',
  'GUIDANCE',
  'PLAN',
  'SCHEME',
  'OFFICIAL_LETTER',
  'REPORT',
  'NOTICE',
  'PROGRAMME',
  'ACTION_PROGRAMME',
  'SUBMISSION',
  'RULES',
  'COPY',
  'LAW',
  'DECREE',
  'CIRCULAR',
  'OTHER',
] as const;
export const DIRECTIVE_STATUSES = ['IN_FORCE', 'EXPIRED', 'SUPERSEDED'] as const;
export const RELATION_KINDS = ['IMPLEMENTS', 'CONTINUES', 'EVALUATES', 'GUIDES', 'SUPERSEDES', 'AMENDS'] as const;
export const TASK_GROUPS = ['PARTY_COMMITTEES', 'GOVERNMENT_AND_MASS_ORGANIZATIONS', 'PRESS_AND_MEDIA', 'CADRES_AND_MEMBERS', 'OTHER'] as const;
export const TASK_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;
export const DEADLINE_STATUSES = ['OPEN_OVERDUE', 'OPEN_WITHIN_DEADLINE', 'DONE_LATE', 'DONE_ON_TIME'] as const;
export const PERIOD_KINDS = ['HALF_YEAR', 'YEAR', 'INTERIM_REVIEW', 'FINAL_REVIEW', 'OTHER'] as const;
export const TASK_ROLES = ['LEAD', 'COORDINATOR', 'ANY'] as const;

/** Colours of the deadline statuses, as government trackers show them (red = overdue). */
export const DEADLINE_COLOURS: Record<string, string> = {
  OPEN_OVERDUE: '#c62828',
  OPEN_WITHIN_DEADLINE: '#1565c0',
  DONE_LATE: '#ef6c00',
  DONE_ON_TIME: '#2e7d32',
  CANCELLED: '#757575',
};

const get = (record: Record<string, unknown> | undefined, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), record);

/** The task's standing against its due date as a coloured chip (cancelled tasks have none: shown as cancelled). */
export function DeadlineChip(_: FieldProps) {
  const record = useRecordContext<{ deadlineStatus?: string | null; status?: string }>();
  const translate = useTranslate();
  if (!record) return null;
  const value = record.deadlineStatus ?? (record.status === 'CANCELLED' ? 'CANCELLED' : null);
  if (!value) return <>—</>;
  return (
    <Chip
      size="small"
      data-testid="deadline-chip"
      data-status={value}
      label={translate(`lantoa.deadline.${value}`)}
      sx={{ bgcolor: DEADLINE_COLOURS[value], color: '#fff', fontWeight: 600 }}
    />
  );
}

/** A link to a directive's show page from a nested `{ id number }`. */
export function DirectiveLink({ source, withTitle }: FieldProps & { source: string; withTitle?: boolean }) {
  const record = useRecordContext();
  const d = get(record, source) as { id: string; number: string; title?: string } | null | undefined;
  if (!d)
    return (
      <Typography variant="body2" component="span">
        —
      </Typography>
    );
  return (
    <MuiLink component={Link} to={`/directives/${d.id}/show`} onClick={(e: React.MouseEvent) => e.stopPropagation()}>
      {d.number}
      {withTitle && d.title ? ` — ${d.title}` : ''}
    </MuiLink>
  );
}

/** Picks a registered document by number or title ("01 kl tw" finds 01-KL/TW). */
export function DirectiveInput({ source, label, fullWidth = true }: { source: string; label?: string; fullWidth?: boolean }) {
  return (
    <ReferenceInput source={source} reference="directives" sort={{ field: 'issuedOn', order: 'DESC' }}>
      <AutocompleteInput
        label={label}
        optionText={(d: { number: string; title: string }) => `${d.number} — ${d.title}`}
        filterToQuery={(q: string) => ({ q })}
        fullWidth={fullWidth}
      />
    </ReferenceInput>
  );
}

/** Picks an organization, searched as typed without diacritics (the server's `q`). */
export function OrganizationInput({
  source,
  label,
  fullWidth = true,
  validate,
}: {
  source: string;
  label?: string;
  fullWidth?: boolean;
  validate?: Validator | Validator[];
}) {
  return (
    <ReferenceInput source={source} reference="organizations" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput
        label={label}
        optionText="name"
        filterToQuery={(q: string) => ({ q })}
        fullWidth={fullWidth}
        validate={validate}
        sx={{ minWidth: 320 }}
      />
    </ReferenceInput>
  );
}
