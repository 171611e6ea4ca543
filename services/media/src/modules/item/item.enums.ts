import { registerEnumType } from 'type-graphql';

export enum MediaKind {
  PRINT_ARTICLE = 'PRINT_ARTICLE',
  ONLINE_ARTICLE = 'ONLINE_ARTICLE',
  TV_REPORT = 'TV_REPORT',
  RADIO_REPORT = 'RADIO_REPORT',
  SOCIAL_POST = 'SOCIAL_POST',
  POSTER = 'POSTER',
  EVENT = 'EVENT',
  PUBLICATION = 'PUBLICATION',
}
registerEnumType(MediaKind, {
  name: 'MediaKind',
  description: 'What kind of media item it is.',
  valuesConfig: {
    PRINT_ARTICLE: { description: 'Bài báo in.' },
    ONLINE_ARTICLE: { description: 'Bài báo điện tử.' },
    TV_REPORT: { description: 'Phóng sự truyền hình.' },
    RADIO_REPORT: { description: 'Chương trình phát thanh.' },
    SOCIAL_POST: { description: 'Bài đăng mạng xã hội.' },
    POSTER: { description: 'Pa-nô, áp phích, băng rôn.' },
    EVENT: { description: 'Sự kiện, hội nghị.' },
    PUBLICATION: { description: 'Ấn phẩm, sách, tài liệu.' },
  },
});

export enum MediaTone {
  PROMOTES_EXEMPLAR = 'PROMOTES_EXEMPLAR',
  EXPLAINS_DIRECTIVE = 'EXPLAINS_DIRECTIVE',
  CRITICAL = 'CRITICAL',
}
registerEnumType(MediaTone, {
  name: 'MediaTone',
  description: 'What the item does.',
  valuesConfig: {
    PROMOTES_EXEMPLAR: { description: 'Promotes an exemplar or good practice (tuyên truyền điển hình).' },
    EXPLAINS_DIRECTIVE: { description: 'Explains a directive (tuyên truyền văn bản).' },
    CRITICAL: { description: 'Reports a collective or individual lacking responsibility (phê phán).' },
  },
});

/** Editorial status (GLOSSARY §5). */
export enum MediaStatus {
  DRAFT = 'DRAFT',
  IN_REVIEW = 'IN_REVIEW',
  APPROVED = 'APPROVED',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(MediaStatus, {
  name: 'MediaStatus',
  description: 'Where a media item stands in the editorial workflow.',
  valuesConfig: {
    DRAFT: { description: 'Bản nháp.' },
    IN_REVIEW: { description: 'Chờ duyệt.' },
    APPROVED: { description: 'Đã duyệt (with publishAt in the future: scheduled).' },
    PUBLISHED: { description: 'Đã đăng.' },
    ARCHIVED: { description: 'Lưu trữ.' },
  },
});

export enum MediaAction {
  SUBMIT = 'SUBMIT',
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
  SCHEDULE = 'SCHEDULE',
  PUBLISH = 'PUBLISH',
  ARCHIVE = 'ARCHIVE',
}
registerEnumType(MediaAction, {
  name: 'MediaAction',
  description: 'A step of the editorial workflow (see transitionMediaItem).',
  valuesConfig: {
    SUBMIT: { description: 'Draft → in review (editors).' },
    APPROVE: { description: 'In review → approved, optionally with a future publishAt (reviewers of the outlet).' },
    REJECT: { description: 'In review → draft, with a note saying why (reviewers of the outlet).' },
    SCHEDULE: { description: 'Approved: sets or clears the publication time (editors).' },
    PUBLISH: { description: 'Approved → published now (editors).' },
    ARCHIVE: { description: 'Published → archived (editors).' },
  },
});
