import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../components/button.js';
import { useSession } from './session-context.js';

/** Ends the cookie session at the server, then shows the sign-in page. */
export function SignOutButton() {
  const { signOut } = useSession();
  const navigate = useNavigate();
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="ghost"
      size="small"
      loading={pending}
      onClick={async () => {
        setPending(true);
        try {
          await signOut();
        } catch {
          // signed out locally anyway; the cookie expires on its own
        }
        navigate('/sign-in', { replace: true });
      }}
    >
      Sign out
    </Button>
  );
}
