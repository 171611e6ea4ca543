import { Box, Card, CardContent, Chip, CircularProgress, Grid, Link as MuiLink, List, ListItem, ListItemText, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { formatDate } from '../format';
import type { WorkList, WorkListName } from '../graphql/my-work';
import { useMyWork } from './MyWorkContext';

/** The panel's sections, most pressing first: what the record is, where its page is, and its title in the console. */
const SECTIONS: { list: WorkListName; resource: string; title: string }[] = [
  { list: 'exemplarsToVerify', resource: 'exemplars', title: 'lantoa.my_work.exemplars_to_verify' },
  { list: 'mediaItemsToApprove', resource: 'mediaItems', title: 'lantoa.my_work.media_to_approve' },
  { list: 'exemplarsReturnedToMe', resource: 'exemplars', title: 'lantoa.my_work.exemplars_returned' },
  { list: 'mediaItemsReturnedToMe', resource: 'mediaItems', title: 'lantoa.my_work.media_returned' },
  { list: 'overdueTasks', resource: 'tasks', title: 'lantoa.my_work.tasks_overdue' },
  { list: 'tasksDueSoon', resource: 'tasks', title: 'lantoa.my_work.tasks_due_soon' },
  { list: 'reportsOwed', resource: 'tasks', title: 'lantoa.my_work.reports_owed' },
];

function Section({ list, resource, title, work }: { list: WorkListName; resource: string; title: string; work: WorkList }) {
  const translate = useTranslate();
  return (
    <Box data-testid={`my-work-${list}`}>
      <Typography variant="subtitle1" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        {translate(title)} <Chip size="small" label={work.totalCount} />
      </Typography>
      <List dense disablePadding>
        {work.nodes.map((n) => (
          <ListItem key={n.id} disableGutters>
            <ListItemText
              sx={{ overflowWrap: 'anywhere' }}
              primary={
                <MuiLink component={Link} to={`/${resource}/${n.id}/show`}>
                  {n.name ?? n.title}
                </MuiLink>
              }
              secondary={n.dueOn ? translate('lantoa.my_work.due', { day: formatDate(n.dueOn) }) : undefined}
            />
          </ListItem>
        ))}
      </List>
      {work.totalCount > work.nodes.length && (
        <Typography variant="body2" color="text.secondary">
          {translate('lantoa.my_work.more', { count: work.totalCount - work.nodes.length })}
        </Typography>
      )}
    </Box>
  );
}

/** "Việc của tôi": the home page's first panel; it follows the console-wide poll, so new work shows up within seconds. */
export function MyWorkPanel() {
  const translate = useTranslate();
  const work = useMyWork();
  const waiting = work ? SECTIONS.filter((s) => work[s.list].totalCount > 0) : [];
  return (
    <Card data-testid="my-work">
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate('lantoa.my_work.title')}
        </Typography>
        {!work ? (
          <CircularProgress size={24} />
        ) : waiting.length === 0 ? (
          <Typography variant="body2">{translate('lantoa.my_work.none')}</Typography>
        ) : (
          <Grid container spacing={2}>
            {waiting.map((s) => (
              <Grid key={s.list} size={{ xs: 12, md: 6, lg: 4 }}>
                <Section {...s} work={work[s.list]} />
              </Grid>
            ))}
          </Grid>
        )}
      </CardContent>
    </Card>
  );
}
