import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export type ToastTone = 'info' | 'success' | 'error';
interface ToastItem {
  readonly id: number;
  readonly message: string;
  readonly tone: ToastTone;
}

interface ToastApi {
  /** Show a short message for a few seconds; screen readers hear it (polite; assertive for errors). */
  readonly show: (message: string, tone?: ToastTone) => void;
}

/** Lets an open modal dialog host the toasts while it is open (see `useToastHost`). */
type RegisterHost = (element: HTMLElement) => () => void;

const ToastContext = createContext<ToastApi | null>(null);
const ToastHostContext = createContext<RegisterHost | null>(null);

/**
 * Hosts the toasts and their live regions (mounted once, in the app root).
 *
 * A modal `<dialog>` sits in the browser's top layer and makes the rest of the page inert: a toast
 * rendered in the page would be drawn behind the dialog's backdrop, its Dismiss button unreachable
 * and, being inert, hidden from screen readers. So while a dialog is open the toasts are portalled
 * into it (the most recently opened dialog wins), and back into the page when it closes.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const [hosts, setHosts] = useState<readonly HTMLElement[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach(clearTimeout);
  }, []);
  const show = useCallback((message: string, tone: ToastTone = 'info') => {
    const id = nextId.current++;
    setItems((current) => [...current.slice(-2), { id, message, tone }]);
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      setItems((current) => current.filter((item) => item.id !== id));
    }, tone === 'error' ? 8000 : 4000);
    timers.current.add(timer);
  }, []);
  const register = useCallback<RegisterHost>((element) => {
    setHosts((current) => [...current, element]);
    return () => setHosts((current) => current.filter((host) => host !== element));
  }, []);
  const api = useMemo(() => ({ show }), [show]);
  const dismiss = (id: number) => setItems((current) => current.filter((item) => item.id !== id));
  const renderItems = (list: readonly ToastItem[]) =>
    list.map((item) => (
      <div key={item.id} className={`toast toast-${item.tone}`}>
        <span>{item.message}</span>
        <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismiss(item.id)}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
    ));
  // Live regions exist before messages arrive, so the first message is announced too. No role on
  // them: an always-present empty alert/status would confuse getByRole('alert').
  const region = (
    <div className="toasts">
      <div aria-live="polite">{renderItems(items.filter((item) => item.tone !== 'error'))}</div>
      <div aria-live="assertive">{renderItems(items.filter((item) => item.tone === 'error'))}</div>
    </div>
  );
  const host = hosts[hosts.length - 1];
  return (
    <ToastContext.Provider value={api}>
      <ToastHostContext.Provider value={register}>
        {children}
        {host ? createPortal(region, host) : region}
      </ToastHostContext.Provider>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast must be used inside <ToastProvider>');
  return api;
}

/**
 * Called by an open modal dialog with its element: toasts render inside it until it closes. A
 * no-op outside a `ToastProvider` (a dialog rendered on its own in a test).
 */
export function useToastHost(element: HTMLElement | null, active: boolean): void {
  const register = useContext(ToastHostContext);
  useEffect(() => {
    if (!register || !element || !active) return;
    return register(element);
  }, [register, element, active]);
}
