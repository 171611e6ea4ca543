import { Box, LinearProgress, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

export interface Progress {
  items: number;
  exemplarItems: number;
  itemsRatio: number;
  exemplarItemsRatio: number;
  outlets: { outletId: string; outletName?: string | null; items: number; target?: number | null }[];
}

/** One bar against a target; full (and green) once the target is met. */
export function TargetBar({ done, target, label, testId }: { done: number; target: number; label: string; testId?: string }) {
  const value = target > 0 ? Math.min(100, (done / target) * 100) : 100;
  return (
    <Box sx={{ minWidth: 180 }} data-testid={testId}>
      <Typography variant="caption">{label}</Typography>
      <LinearProgress
        variant="determinate"
        value={value}
        color={value >= 100 ? 'success' : 'primary'}
        sx={{ height: 8, borderRadius: 4 }}
        aria-valuetext={label}
      />
    </Box>
  );
}

/** The campaign's two targets as bars: all items, and those on exemplars. */
export function CampaignBars({ progress, targetItems, targetExemplarItems }: { progress: Progress; targetItems: number; targetExemplarItems: number }) {
  const translate = useTranslate();
  return (
    <Stack spacing={0.5} data-testid="campaign-progress">
      <TargetBar done={progress.items} target={targetItems} label={translate('lantoa.media.progress_items', { done: progress.items, target: targetItems })} />
      {targetExemplarItems > 0 && (
        <TargetBar
          done={progress.exemplarItems}
          target={targetExemplarItems}
          label={translate('lantoa.media.progress_exemplars', { done: progress.exemplarItems, target: targetExemplarItems })}
        />
      )}
    </Stack>
  );
}
