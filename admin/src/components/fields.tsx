import { Chip, Link as MuiLink, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useLocaleState, useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { formatDate, formatDateTime, formatNumber } from '../format';

type Props = FieldProps & { source: string };

const get = (record: Record<string, unknown> | undefined, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), record);

/** A document date (YYYY-MM-DD) as dd/MM/yyyy. */
export function DateText({ source }: Props) {
  const record = useRecordContext();
  return (
    <Typography variant="body2" component="span">
      {formatDate(get(record, source)) || '—'}
    </Typography>
  );
}

/** A moment as dd/MM/yyyy HH:mm in Vietnam's time. */
export function DateTimeText({ source }: Props) {
  const record = useRecordContext();
  return (
    <Typography variant="body2" component="span">
      {formatDateTime(get(record, source)) || '—'}
    </Typography>
  );
}

/** 1.567 in Vietnamese, 1,567 in English. */
export function NumberText({ source }: Props) {
  const record = useRecordContext();
  const [locale] = useLocaleState();
  return (
    <Typography variant="body2" component="span">
      {formatNumber(get(record, source), locale)}
    </Typography>
  );
}

/** An API enum value shown through `lantoa.<group>.<VALUE>`. */
export function EnumText({ source, group }: Props & { group: string }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const v = get(record, source);
  if (Array.isArray(v))
    return (
      <>
        {v.map((x) => (
          <Chip key={String(x)} size="small" sx={{ mr: 0.5 }} label={translate(`lantoa.${group}.${x}`, { _: String(x) })} />
        ))}
      </>
    );
  return (
    <Typography variant="body2" component="span">
      {v == null ? '—' : translate(`lantoa.${group}.${v}`, { _: String(v) })}
    </Typography>
  );
}

/** A link to an organization's show page, from a nested `{ id name }`. */
export function OrgLink({ source }: Props) {
  const record = useRecordContext();
  const org = get(record, source) as { id: string; name: string } | null | undefined;
  if (!org)
    return (
      <Typography variant="body2" component="span">
        —
      </Typography>
    );
  return (
    <MuiLink component={Link} to={`/organizations/${org.id}/show`} onClick={(e: React.MouseEvent) => e.stopPropagation()}>
      {org.name}
    </MuiLink>
  );
}

export const enumChoices = (group: string, values: readonly string[]) => values.map((id) => ({ id, name: `lantoa.${group}.${id}` }));

export const LEVELS = ['CENTRAL', 'PROVINCE', 'DISTRICT', 'COMMUNE', 'GRASSROOTS'] as const;
export const TYPES = [
  'PARTY_COMMITTEE',
  'PARTY_EXECUTIVE',
  'PARTY_ADVISORY',
  'PARTY_INSPECTION',
  'PARTY_CELL',
  'STATE_COUNCIL',
  'STATE_EXECUTIVE',
  'STATE_AGENCY',
  'FRONT',
  'SOCIO_POLITICAL',
  'PRESS',
  'OTHER',
] as const;
export const SUCCESSION_KINDS = ['MERGE', 'RENAME', 'ABSORB', 'SPLIT', 'DISSOLVE'] as const;
export const ROLES = ['ADMIN', 'EDITOR', 'REVIEWER', 'VIEWER', 'INTEGRATOR'] as const;
