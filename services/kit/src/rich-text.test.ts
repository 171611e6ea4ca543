import { describe, expect, it } from 'vitest';
import { plainTextToHtml, richTextToPlain, sanitizeRichText, toRichText } from './rich-text.js';

describe('rich text', () => {
  it('keeps safe markup and drops scripts, handlers and javascript: links', () => {
    const { html, changed } = sanitizeRichText('<p onclick="x()">Mở <b>thứ Bảy</b><script>alert(1)</script> <a href="javascript:alert(1)">đây</a></p>');
    expect(changed).toBe(true);
    expect(html).not.toMatch(/script|onclick|javascript/);
    expect(html).toContain('<b>thứ Bảy</b>');
  });

  it('reads as the words a person sees, entities decoded, for search keys', () => {
    expect(richTextToPlain('<p>Nông&nbsp;thôn mới &amp; giảm nghèo</p><p>1 &lt; 2 &#8211; &#x1EA1;</p>')).toBe('Nông thôn mới & giảm nghèo 1 < 2 – ạ');
    expect(richTextToPlain('&bogus;')).toBe('&bogus;');
  });

  it('takes plain text as paragraphs and line breaks, escaped', () => {
    expect(plainTextToHtml('Kết quả:\n- tốt\n\nTồn tại: a < b')).toBe('<p>Kết quả:<br />- tốt</p><p>Tồn tại: a &lt; b</p>');
    expect(toRichText('  ')).toBeNull();
    expect(toRichText('<script>x</script>')).toBeNull();
  });
});
