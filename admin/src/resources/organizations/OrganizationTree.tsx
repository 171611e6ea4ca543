import { Box, Card, CardContent, InputAdornment, TextField, Typography } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import { RichTreeView } from '@mui/x-tree-view/RichTreeView';
import { useCallback, useEffect, useState } from 'react';
import { Title, useDataProvider, useRedirect, useTranslate } from 'react-admin';

interface Node {
  id: string;
  label: string;
  children?: Node[];
}

interface Org {
  id: string;
  name: string;
  descendantCount: number;
}

const PLACEHOLDER = '::loading';
const MORE = '::more';
const PAGE = 100;

// A search can show an organization both as a result and under an opened result: node ids are
// paths of organization ids (a>b>c), unique in the tree, and the record is the last one.
const SEP = '>';
const orgOf = (nodeId: string) => nodeId.split(SEP).pop()!;
const toNode = (o: Org, parentNode?: string): Node => {
  const id = parentNode ? `${parentNode}${SEP}${o.id}` : o.id;
  return { id, label: o.name, children: o.descendantCount > 0 ? [{ id: `${id}${PLACEHOLDER}`, label: '…' }] : undefined };
};

const replaceChildren = (nodes: Node[], id: string, children: Node[]): Node[] =>
  nodes.map((n) => (n.id === id ? { ...n, children } : n.children ? { ...n, children: replaceChildren(n.children, id, children) } : n));

/**
 * The organization tree, loaded level by level: children are fetched when a
 * node opens (RichTreeView's own lazy loading is a Pro feature). Typing
 * searches the whole tree on the server, diacritics optional.
 */
export function OrganizationTree() {
  const dataProvider = useDataProvider();
  const translate = useTranslate();
  const redirect = useRedirect();
  const [items, setItems] = useState<Node[]>([]);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [q, setQ] = useState('');
  const [loaded] = useState(() => new Set<string>());

  const page = useCallback(
    async (filter: Record<string, unknown>, offset: number, parentNode?: string) => {
      const { data, total } = await dataProvider.getList<Org>('organizations', {
        filter,
        pagination: { page: Math.floor(offset / PAGE) + 1, perPage: PAGE },
        sort: { field: 'name', order: 'ASC' },
      });
      const nodes = data.map((o) => toNode(o, parentNode));
      return { nodes, rest: (total ?? 0) - offset - data.length };
    },
    [dataProvider],
  );

  useEffect(() => {
    loaded.clear();
    setExpanded([]);
    const t = setTimeout(
      async () => {
        const { nodes, rest } = await page(q ? { q } : { rootsOnly: true }, 0);
        setItems(rest > 0 ? [...nodes, { id: `root${MORE}:${PAGE}`, label: translate('lantoa.org.tree_more', { smart_count: rest }) }] : nodes);
      },
      q ? 300 : 0,
    );
    return () => clearTimeout(t);
  }, [q, page, loaded, translate]);

  const open = async (id: string) => {
    if (loaded.has(id)) return;
    loaded.add(id);
    const { nodes, rest } = await page({ parentId: orgOf(id) }, 0, id);
    setItems((all) =>
      replaceChildren(all, id, rest > 0 ? [...nodes, { id: `${id}${MORE}:${PAGE}`, label: translate('lantoa.org.tree_more', { smart_count: rest }) }] : nodes),
    );
  };

  const more = async (itemId: string) => {
    const [parent, offset] = itemId.split(MORE + ':') as [string, string];
    const start = Number(offset);
    const { nodes, rest } = await page(
      parent === 'root' ? (q ? { q } : { rootsOnly: true }) : { parentId: orgOf(parent) },
      start,
      parent === 'root' ? undefined : parent,
    );
    const tail = rest > 0 ? [{ id: `${parent}${MORE}:${start + PAGE}`, label: translate('lantoa.org.tree_more', { smart_count: rest }) }] : [];
    const splice = (list: Node[]) => [...list.filter((n) => n.id !== itemId), ...nodes, ...tail];
    if (parent === 'root') setItems(splice);
    else
      setItems((all) => {
        const walk = (ns: Node[]): Node[] =>
          ns.map((n) => (n.id === parent ? { ...n, children: splice(n.children ?? []) } : n.children ? { ...n, children: walk(n.children) } : n));
        return walk(all);
      });
  };

  return (
    <Card sx={{ mt: 1 }}>
      <Title title="lantoa.org.tree" />
      <CardContent>
        <TextField
          fullWidth
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={translate('lantoa.org.tree_search')}
          slotProps={{
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon />
                </InputAdornment>
              ),
              inputProps: { 'data-testid': 'tree-search' },
            } as object,
          }}
        />
        <Typography variant="body2" color="text.secondary" sx={{ my: 1 }}>
          {translate('lantoa.org.tree_help')}
        </Typography>
        <Box data-testid="org-tree">
          <RichTreeView
            items={items}
            expandedItems={expanded}
            expansionTrigger="iconContainer"
            onExpandedItemsChange={(_, ids) => setExpanded(ids)}
            onItemExpansionToggle={(_, id, isExpanded) => {
              if (isExpanded) void open(id);
            }}
            onItemClick={(event, id) => {
              // The ▸ icon only opens the node; a click on the name opens the record.
              if ((event.target as HTMLElement).closest('.MuiTreeItem-iconContainer')) return;
              if (id.includes(MORE)) void more(id);
              else if (!id.includes(PLACEHOLDER)) redirect('show', 'organizations', orgOf(id));
            }}
          />
        </Box>
      </CardContent>
    </Card>
  );
}
