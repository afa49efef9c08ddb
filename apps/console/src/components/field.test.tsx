// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { render } from '../test-support/render.js';
import { Field } from './field.js';
import { Checkbox, TextInput } from './inputs.js';

describe('Field', () => {
  it('labels its control and describes it by the error and the help', async () => {
    const { container, unmount } = await render(
      <Field label="Token URL" help="Where codes are exchanged." error="must be an absolute http(s) URL" required>
        <TextInput />
      </Field>,
    );
    const input = container.querySelector('input')!;
    const label = container.querySelector('label')!;
    expect(label.getAttribute('for')).toBe(input.id);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.required).toBe(true);
    const describedBy = input.getAttribute('aria-describedby')!.split(' ');
    const texts = describedBy.map((id) => container.ownerDocument.getElementById(id)?.textContent);
    expect(texts).toEqual(['⚠ must be an absolute http(s) URL', 'Where codes are exchanged.']);
    await unmount();
  });

  it('leaves a valid control without aria-invalid and describes it by the help only', async () => {
    const { container, unmount } = await render(
      <Field label="Name" help="Shown to people.">
        <TextInput />
      </Field>,
    );
    const input = container.querySelector('input')!;
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(container.ownerDocument.getElementById(input.getAttribute('aria-describedby')!)?.textContent).toBe('Shown to people.');
    await unmount();
  });

  it('wires a checkbox to its own label, help and error', async () => {
    const { container, unmount } = await render(<Checkbox label="Use PKCE" help="Binds the code to this flow." error="bad" />);
    const input = container.querySelector('input')!;
    expect(container.querySelector('label')!.getAttribute('for')).toBe(input.id);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')!.split(' ')).toHaveLength(2);
    await unmount();
  });
});
