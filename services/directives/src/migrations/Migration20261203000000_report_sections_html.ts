import { Migration } from '@mikro-orm/migrations';

const SECTIONS = ['results', 'shortcomings', 'causes', 'lessons', 'next_steps', 'recommendations'];

/**
 * Report sections became rich text (HTML). Every section stored before was
 * plain text, so each is rewritten in place as the same words in HTML —
 * escaped, paragraphs at blank lines, line breaks as <br /> — as
 * plainTextToHtml (kit/rich-text) does for new plain-text input. Nothing is
 * dropped; version and updated_at stay, since what the report says did not
 * change; a section already starting with a block tag is left as it is.
 * Plain SQL, not a call to the kit, so the migration means the same
 * whatever that code becomes.
 */
export class Migration20261203000000_report_sections_html extends Migration {
  override async up(): Promise<void> {
    const html = (col: string) =>
      `'<p>' || replace(regexp_replace(replace(replace(replace(btrim(${col}, E' \\t\\r\\n'), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), E'\\n[ \\t]*\\n[ \\t\\n]*', '</p><p>', 'g'), E'\\n', '<br />') || '</p>'`;
    for (const col of SECTIONS)
      this.addSql(
        `update progress_report set ${col} = ${html(col)} where ${col} is not null and btrim(${col}) <> '' and ${col} !~ '^\\s*<(p|ul|ol|h[2-4]|blockquote|table)[ >]';`,
      );
  }
}
