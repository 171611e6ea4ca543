import { Box, Chip } from '@mui/material';
import { useGetResourceLabel, useTranslate } from 'react-admin';
import { countFor, useMyWork } from './MyWorkContext';

/** A menu entry's label with the number of records waiting for the user there, as a badge (none when nothing waits). */
export function WorkMenuLabel({ resource }: { resource: string }) {
  const label = useGetResourceLabel()(resource, 2);
  const translate = useTranslate();
  const count = countFor(useMyWork(), resource);
  if (!count) return <>{label}</>;
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1, width: '100%' }}>
      <Box component="span" sx={{ flex: 1, minWidth: 0, whiteSpace: 'normal' }}>
        {label}
      </Box>
      <Chip
        size="small"
        color="error"
        label={count > 99 ? '99+' : count}
        title={translate('lantoa.my_work.badge', { count })}
        aria-label={translate('lantoa.my_work.badge', { count })}
        data-testid={`work-badge-${resource}`}
        sx={{ height: 20, fontSize: 12 }}
      />
    </Box>
  );
}
