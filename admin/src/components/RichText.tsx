import { LinearProgress } from '@mui/material';
import type { RichTextInputProps as RaRichTextInputProps } from 'ra-input-rich-text';
import { lazy, Suspense } from 'react';
import { RichTextField as RaRichTextField, type RichTextFieldProps } from 'react-admin';

/*
 * Rich text (exemplar stories, report sections, media bodies): an input and
 * a read-only field. The editor (tiptap, about 150 kB gzipped) is its own
 * chunk, fetched by the first form that has one, never by show pages; what it
 * offers is decided in RichTextEditor.tsx.
 */
const Editor = lazy(() => import('./RichTextEditor'));

export type RichTextInputProps = Omit<RaRichTextInputProps, 'editorOptions' | 'toolbar'>;

/** A rich-text input for a react-admin form: source, label, validate and the other input props pass through. */
export function RichTextInput(props: RichTextInputProps) {
  return (
    <Suspense fallback={<LinearProgress sx={{ my: 3 }} />}>
      <Editor {...props} />
    </Suspense>
  );
}

/**
 * Rich text read-only. The server stores it sanitised; react-admin's field
 * purifies it once more in the browser (DOMPurify) before it becomes HTML.
 */
export function RichTextField(props: RichTextFieldProps) {
  return (
    <RaRichTextField
      {...props}
      sx={[{ '& p': { mt: 0, mb: 1 }, '& h2, & h3': { mt: 1, mb: 1 }, '& ul, & ol': { mt: 0, pl: 3 } }, ...(Array.isArray(props.sx) ? props.sx : [props.sx])]}
    />
  );
}
