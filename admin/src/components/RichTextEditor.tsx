import FormatBold from '@mui/icons-material/FormatBold';
import FormatItalic from '@mui/icons-material/FormatItalic';
import FormatUnderlined from '@mui/icons-material/FormatUnderlined';
import { ToggleButton, ToggleButtonGroup } from '@mui/material';
import {
  ClearButtons,
  DefaultEditorOptions,
  LinkButtons,
  ListButtons,
  QuoteButtons,
  RichTextInput as RaRichTextInput,
  RichTextInputToolbar,
  useTiptapEditor,
  type RichTextInputProps as RaRichTextInputProps,
} from 'ra-input-rich-text';
import { useEffect, useReducer, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/*
 * The editor offers what the server keeps of rich text (services/kit/src/rich-text.ts):
 * paragraphs, bold/italic/underline, h2–h3, lists, quotes, links — no images,
 * colours, alignment or code — so nothing typed is silently dropped on save.
 * StarterKit is taken from ra-input-rich-text's defaults rather than imported,
 * so the one tiptap the library depends on is the one configured here.
 */
const starterKit = DefaultEditorOptions.extensions!.find((e) => e.name === 'starterKit')!;
const EDITOR_OPTIONS: RaRichTextInputProps['editorOptions'] = {
  ...DefaultEditorOptions,
  extensions: [
    starterKit.configure({
      heading: { levels: [2, 3] },
      code: false,
      codeBlock: false,
      horizontalRule: false,
      // It keeps an empty paragraph after a final list or quote, which would be stored as <p></p>.
      trailingNode: false,
      // A click in the editor places the cursor; links open from the show page.
      link: { openOnClick: false },
    }),
  ],
};

type Chain = ReturnType<ReturnType<typeof useTiptapEditor>['chain']>;
const FORMATS: { key: string; type: string; attrs?: Record<string, unknown>; icon: ReactNode; run: (c: Chain) => Chain }[] = [
  { key: 'bold', type: 'bold', icon: <FormatBold fontSize="inherit" />, run: (c) => c.toggleMark('bold') },
  { key: 'italic', type: 'italic', icon: <FormatItalic fontSize="inherit" />, run: (c) => c.toggleMark('italic') },
  { key: 'underline', type: 'underline', icon: <FormatUnderlined fontSize="inherit" />, run: (c) => c.toggleMark('underline') },
  { key: 'heading2', type: 'heading', attrs: { level: 2 }, icon: 'H2', run: (c) => c.toggleNode('heading', 'paragraph', { level: 2 }) },
  { key: 'heading3', type: 'heading', attrs: { level: 3 }, icon: 'H3', run: (c) => c.toggleNode('heading', 'paragraph', { level: 3 }) },
];

/** Marks and headings: the library's FormatButtons and LevelSelect offer code and h1–h6, which the server drops. */
function FormatButtons() {
  const editor = useTiptapEditor();
  const translate = useTranslate();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!editor) return;
    editor.on('transaction', rerender);
    return () => void editor.off('transaction', rerender);
  }, [editor]);
  const live = !!editor && !editor.isDestroyed;
  return (
    <ToggleButtonGroup size="small" disabled={!live || !editor.isEditable}>
      {FORMATS.map((f) => (
        <ToggleButton
          key={f.key}
          value={f.key}
          aria-label={translate(`ra.tiptap.${f.key}`)}
          title={translate(`ra.tiptap.${f.key}`)}
          selected={live && editor.isActive(f.type, f.attrs)}
          onClick={() => f.run(editor.chain().focus()).run()}
          sx={{ minWidth: 34, fontWeight: 700, fontSize: '0.8rem' }}
        >
          {f.icon}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}

const TOOLBAR = (
  <RichTextInputToolbar size="small">
    <FormatButtons />
    <ListButtons size="small" />
    <LinkButtons size="small" />
    <QuoteButtons size="small" />
    <ClearButtons size="small" />
  </RichTextInputToolbar>
);

/** The editor itself, loaded lazily by RichText.tsx's RichTextInput. */
export default function RichTextEditor(props: Omit<RaRichTextInputProps, 'editorOptions' | 'toolbar'>) {
  return <RaRichTextInput editorOptions={EDITOR_OPTIONS} toolbar={TOOLBAR} fullWidth {...props} />;
}
