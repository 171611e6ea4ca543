import { Alert, Box, Typography } from '@mui/material';
import { Login, LoginForm, useTranslate } from 'react-admin';
import { session } from './services';

/** react-admin's sign-in form under the product's name, so people know where they are. */
export function LoginPage() {
  const translate = useTranslate();
  return (
    <Login>
      <Box sx={{ px: 2, pt: 1, textAlign: 'center', maxWidth: 300 }}>
        <Typography variant="h6" component="h1">
          {translate('lantoa.app.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('lantoa.app.tagline')}
        </Typography>
        {/* react-admin notifies only while still signed in; a session that ended elsewhere is explained here. */}
        {session.ended && (
          <Alert severity="warning" sx={{ mt: 1, textAlign: 'left' }} data-testid="session-ended">
            {translate('lantoa.auth.session_ended')}
          </Alert>
        )}
      </Box>
      <LoginForm />
    </Login>
  );
}
