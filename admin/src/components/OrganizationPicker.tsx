import { Autocomplete, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';

export interface OrgOption {
  id: string;
  name: string;
  level?: string;
}

/**
 * Search organizations as you type (diacritics optional, the server's `q`).
 * `excludeSubtreeOf` disables that organization and everything under it:
 * one query asks which of the shown options lie in that subtree.
 */
export function OrganizationPicker({
  label,
  value,
  onChange,
  excludeSubtreeOf,
  testId,
}: {
  label: string;
  value: OrgOption | null;
  onChange: (v: OrgOption | null) => void;
  excludeSubtreeOf?: string;
  testId?: string;
}) {
  const dataProvider = useDataProvider();
  const translate = useTranslate();
  const [input, setInput] = useState('');
  const [options, setOptions] = useState<OrgOption[]>([]);
  const [forbidden, setForbidden] = useState<Set<string>>(new Set());

  useEffect(() => {
    let live = true;
    const t = setTimeout(async () => {
      const { data } = await dataProvider.getList<OrgOption & { id: string }>('organizations', {
        filter: input ? { q: input } : {},
        pagination: { page: 1, perPage: 20 },
        sort: { field: 'name', order: 'ASC' },
      });
      let inside = new Set<string>();
      if (excludeSubtreeOf && data.length) {
        const { data: sub } = await dataProvider.getList('organizations', {
          filter: { ids: data.map((d) => d.id), parentId: excludeSubtreeOf, includeDescendants: true },
          pagination: { page: 1, perPage: data.length },
          sort: { field: 'name', order: 'ASC' },
        });
        inside = new Set(sub.map((s) => String(s.id)));
        inside.add(excludeSubtreeOf);
      }
      if (live) {
        setOptions(data);
        setForbidden(inside);
      }
    }, 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [input, excludeSubtreeOf, dataProvider]);

  return (
    <Autocomplete
      options={options}
      value={value}
      filterOptions={(x) => x}
      getOptionLabel={(o) => o.name}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      getOptionDisabled={(o) => forbidden.has(o.id)}
      onInputChange={(_, v) => setInput(v)}
      onChange={(_, v) => onChange(v)}
      noOptionsText={translate('ra.navigation.no_results', { name: translate('resources.organizations.name', { smart_count: 2 }).toLowerCase() })}
      renderInput={(params) => <TextField {...params} label={translate(label)} inputProps={{ ...params.inputProps, 'data-testid': testId }} />}
      sx={{ minWidth: 360 }}
    />
  );
}
