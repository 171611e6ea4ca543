import { Box, Typography } from '@mui/material';
import { Login, LoginForm, useTranslate } from 'react-admin';

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
      </Box>
      <LoginForm />
    </Login>
  );
}
