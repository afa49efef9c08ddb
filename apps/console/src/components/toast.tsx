import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

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

const ToastContext = createContext<ToastApi | null>(null);

/** Hosts the toasts and their live regions (mounted once, in the app root). */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const nextId = useRef(1);
  const show = useCallback((message: string, tone: ToastTone = 'info') => {
    const id = nextId.current++;
    setItems((current) => [...current.slice(-2), { id, message, tone }]);
    setTimeout(() => setItems((current) => current.filter((item) => item.id !== id)), tone === 'error' ? 8000 : 4000);
  }, []);
  const api = useMemo(() => ({ show }), [show]);
  const dismiss = (id: number) => setItems((current) => current.filter((item) => item.id !== id));
  return (
    <ToastContext.Provider value={api}>
      {children}
      {/* Live regions exist before messages arrive, so the first message is announced too. No
          role on them: an always-present empty alert/status would confuse getByRole('alert'). */}
      <div className="toasts">
        <div aria-live="polite">
          {items.filter((item) => item.tone !== 'error').map((item) => (
            <div key={item.id} className={`toast toast-${item.tone}`}>
              <span>{item.message}</span>
              <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismiss(item.id)}>
                <span aria-hidden="true">×</span>
              </button>
            </div>
          ))}
        </div>
        <div aria-live="assertive">
          {items.filter((item) => item.tone === 'error').map((item) => (
            <div key={item.id} className="toast toast-error">
              <span>{item.message}</span>
              <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismiss(item.id)}>
                <span aria-hidden="true">×</span>
              </button>
            </div>
          ))}
        </div>
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast must be used inside <ToastProvider>');
  return api;
}
