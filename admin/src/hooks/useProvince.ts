import { useEffect, useState } from 'react';
import { useDataProvider, useGetIdentity } from 'react-admin';
import type { LanToaDataProvider } from '../dataProvider';
import { PROVINCE_DOCUMENT } from '../graphql/registry-exemplars';

interface Unit {
  id: string;
  level: string;
  depth: number;
}

/**
 * The province above (or at) the caller's organization: the dashboard counts
 * over its subtree. The topmost organization of province level, so that the
 * staff of a provincial board or newspaper (province level themselves) count
 * over the whole province, not their own unit.
 */
export function useProvince() {
  const dataProvider = useDataProvider<LanToaDataProvider>();
  const { identity } = useGetIdentity();
  const [province, setProvince] = useState<string | null>(null);
  useEffect(() => {
    const own = identity?.organizationId as string | undefined;
    if (!own) return;
    void dataProvider.query<{ o: (Unit & { ancestors: Unit[] }) | null }>(PROVINCE_DOCUMENT, { id: own }).then(({ o }) => {
      const provincial = o ? [o, ...o.ancestors].filter((x) => x.level === 'PROVINCE').sort((a, b) => a.depth - b.depth) : [];
      setProvince(provincial[0]?.id ?? o?.id ?? null);
    });
  }, [dataProvider, identity?.organizationId]);
  return province;
}
