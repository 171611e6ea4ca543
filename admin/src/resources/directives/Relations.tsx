import AddLinkIcon from '@mui/icons-material/AddLink';
import LinkOffIcon from '@mui/icons-material/LinkOff';
import {
  Autocomplete,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableRow,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { Link as MuiLink } from '@mui/material';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Confirm, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { LanToaDataProvider } from '../../dataProvider';
import { formatDate } from '../../format';
import { RELATE_DOCUMENT, UNRELATE_DOCUMENT } from '../../graphql/registry-directives';
import { RELATION_KINDS } from './common';

interface Brief {
  id: string;
  number: string;
  title: string;
  status: string;
  issuedOn?: string;
}
interface Relation {
  id: string;
  kind: string;
  note?: string | null;
  to?: Brief;
  from?: Brief;
}

/** Searches the registry as the user types ("01 kl tw" finds 01-KL/TW), leaving out the document itself. */
export function DirectivePicker({
  value,
  onChange,
  exclude,
  label,
  testId,
}: {
  value: Brief | null;
  onChange: (v: Brief | null) => void;
  exclude?: string;
  label: string;
  testId?: string;
}) {
  const dataProvider = useDataProvider();
  const translate = useTranslate();
  const [input, setInput] = useState('');
  const [options, setOptions] = useState<Brief[]>([]);
  useEffect(() => {
    let live = true;
    const t = setTimeout(async () => {
      const { data } = await dataProvider.getList<Brief>('directives', {
        filter: input ? { q: input } : {},
        pagination: { page: 1, perPage: 20 },
        sort: { field: 'issuedOn', order: 'DESC' },
      });
      if (live) setOptions(data.filter((d) => d.id !== exclude));
    }, 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [input, exclude, dataProvider]);
  return (
    <Autocomplete
      options={options}
      value={value}
      filterOptions={(x) => x}
      getOptionLabel={(o) => `${o.number} — ${o.title}`}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      onInputChange={(_, v) => setInput(v)}
      onChange={(_, v) => onChange(v)}
      noOptionsText={translate('ra.navigation.no_results', { name: translate('resources.directives.name', { smart_count: 2 }).toLowerCase() })}
      renderInput={(params) => <TextField {...params} label={translate(label)} inputProps={{ ...params.inputProps, 'data-testid': testId }} />}
      sx={{ minWidth: 480 }}
    />
  );
}

function AddRelationButton({ id }: { id: string }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<LanToaDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<string>('IMPLEMENTS');
  const [target, setTarget] = useState<Brief | null>(null);
  const [note, setNote] = useState('');
  const save = async () => {
    if (!target) return;
    try {
      await dataProvider.query(RELATE_DOCUMENT, { input: { fromId: id, toId: target.id, kind, ...(note.trim() ? { note } : {}) } });
      notify('lantoa.directive.relation_added', { type: 'success' });
      setOpen(false);
      setTarget(null);
      setNote('');
      refresh();
    } catch (err) {
      notify((err as Error).message, { type: 'error' });
    }
  };
  return (
    <>
      <Button size="small" startIcon={<AddLinkIcon />} onClick={() => setOpen(true)} data-testid="add-relation">
        {translate('lantoa.directive.add_relation')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="md" fullWidth>
        <DialogTitle>{translate('lantoa.directive.add_relation')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <TextField
              select
              label={translate('lantoa.directive.relation_kind')}
              value={kind}
              onChange={(e) => setKind(e.target.value)}
              inputProps={{ 'data-testid': 'relation-kind' }}
            >
              {RELATION_KINDS.map((k) => (
                <MenuItem key={k} value={k}>
                  {translate(`lantoa.relation.${k}`)}
                </MenuItem>
              ))}
            </TextField>
            <DirectivePicker label="lantoa.directive.relation_target" value={target} onChange={setTarget} exclude={id} testId="relation-target" />
            <TextField label={translate('lantoa.directive.relation_note')} value={note} onChange={(e) => setNote(e.target.value)} multiline />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" disabled={!target} onClick={save}>
            {translate('ra.action.save')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

function RemoveRelation({ relation, label }: { relation: Relation; label: string }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<LanToaDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const other = relation.to ?? relation.from;
  return (
    <>
      <Tooltip title={translate('lantoa.directive.remove_relation')}>
        <IconButton size="small" onClick={() => setOpen(true)} aria-label={translate('lantoa.directive.remove_relation')}>
          <LinkOffIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      <Confirm
        isOpen={open}
        title="lantoa.directive.remove_relation"
        content={translate('lantoa.directive.confirm_remove', { kind: label, number: other?.number ?? '' })}
        onClose={() => setOpen(false)}
        onConfirm={async () => {
          setOpen(false);
          try {
            await dataProvider.query(UNRELATE_DOCUMENT, { id: relation.id });
            notify('lantoa.directive.relation_removed', { type: 'success' });
            refresh();
          } catch (err) {
            notify((err as Error).message, { type: 'error' });
          }
        }}
      />
    </>
  );
}

function Rows({ relations, direction, canEdit }: { relations: Relation[]; direction: 'out' | 'in'; canEdit: boolean }) {
  const translate = useTranslate();
  return (
    <>
      {relations.map((r) => {
        const other = (direction === 'out' ? r.to : r.from)!;
        const label = translate(`lantoa.${direction === 'out' ? 'relation' : 'relation_in'}.${r.kind}`);
        return (
          <TableRow key={r.id} data-testid={`relation-${direction}`}>
            <TableCell sx={{ width: 220 }}>{label}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              <MuiLink component={Link} to={`/directives/${other.id}/show`}>
                {other.number}
              </MuiLink>
            </TableCell>
            <TableCell>{other.title}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(other.issuedOn)}</TableCell>
            <TableCell>{translate(`lantoa.directive_status.${other.status}`)}</TableCell>
            <TableCell sx={{ width: 48 }}>{canEdit && <RemoveRelation relation={r} label={label} />}</TableCell>
          </TableRow>
        );
      })}
    </>
  );
}

/** Relations both ways: what this document does to others, and what others do to it. */
export function DirectiveRelations({ canEdit }: { canEdit: boolean }) {
  const record = useRecordContext<{ id: string; outgoingRelations?: Relation[]; incomingRelations?: Relation[] }>();
  const translate = useTranslate();
  if (!record) return null;
  const out = record.outgoingRelations ?? [];
  const inc = record.incomingRelations ?? [];
  return (
    <>
      {out.length + inc.length === 0 ? (
        <Typography variant="body2">{translate('lantoa.directive.no_relations')}</Typography>
      ) : (
        <Table size="small">
          <TableBody>
            <Rows relations={out} direction="out" canEdit={canEdit} />
            <Rows relations={inc} direction="in" canEdit={canEdit} />
          </TableBody>
        </Table>
      )}
      {canEdit && <AddRelationButton id={record.id} />}
    </>
  );
}
