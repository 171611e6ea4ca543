import { AttachmentGallery } from '../../components/AttachmentGallery';
import { DELETE_ATTACHMENT_DOCUMENT, UPLOAD_DOCUMENT } from '../../graphql/registry-exemplars';
import type { ScopedOrganization } from '../../auth/records';

/** An exemplar's photos and documents; editors of its organization's subtree upload and remove them. */
export function Gallery() {
  return (
    <AttachmentGallery
      resource="exemplars"
      uploadDocument={UPLOAD_DOCUMENT}
      deleteDocument={DELETE_ATTACHMENT_DOCUMENT}
      scopeOf={(r) => r.organization as ScopedOrganization | null}
    />
  );
}
