// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { CodeEditorImpl } from '../../components/code-editor-impl.js';
import { Field } from '../../components/field.js';
import { render, settle } from '../../test-support/render.js';
import { placeholderHighlight } from './placeholder-highlight.js';

describe('the body template editor', () => {
  it('marks the placeholders the server substitutes, not an escaped $${x} nor an invalid ${a b}', async () => {
    const template = '{"a": "${First_Name}", "b": "$${not_me}", "c": "${a b}",\n "url": "${connection.instance_url}"}';
    const { container, unmount } = await render(
      <Field label="Body template" help="JSON text." error="must be valid JSON">
        <CodeEditorImpl value={template} onChange={() => {}} label="Body template" language="json" highlight={placeholderHighlight} />
      </Field>,
    );
    await settle();
    const marks = [...container.querySelectorAll('.cm-template-placeholder')];
    expect(marks.map((mark) => mark.textContent)).toEqual(['${First_Name}', '${connection.instance_url}']);
    expect(marks.map((mark) => mark.classList.contains('cm-template-placeholder-connection'))).toEqual([false, true]);
    expect(marks[0]!.getAttribute('title')).toContain('the caller supplies');

    // The editable content keeps the field's name, help and error.
    const content = container.querySelector('.cm-content')!;
    expect(content.getAttribute('role')).toBe('textbox');
    expect(content.getAttribute('aria-label')).toBe('Body template');
    expect(content.getAttribute('aria-invalid')).toBe('true');
    const described = content.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['⚠ must be valid JSON', 'JSON text.']);
    await unmount();
  });
});
