// Sign-in with Keycloak: OIDC authorization code + PKCE (S256) for the public client.
// Tokens live in this page's memory only; a new page load signs in again through Keycloak's
// session cookie (a redirect there and back, no typing).

const PENDING = 'precisionrx.pending-login';
let config;
let tokens;

export async function loadConfig() {
  if (!config) {
    const response = await fetch('/app/config.json', { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error('The page settings could not be loaded; try again shortly.');
    config = await response.json();
  }
  return config;
}

/** Resolves with the signed-in user, or redirects to Keycloak's login page (and never resolves). */
export async function signIn() {
  await loadConfig();
  const params = new URLSearchParams(location.search);
  if (params.has('error')) {
    sessionStorage.removeItem(PENDING);
    throw new Error('Sign-in failed: ' + (params.get('error_description') || params.get('error')));
  }
  if (params.has('code') && params.has('state')) {
    await finishLogin(params.get('code'), params.get('state'));
    return user();
  }
  await startLogin();
  return new Promise(() => {});
}

async function startLogin() {
  const verifier = randomString(32);
  const state = randomString(16);
  const redirectUri = location.origin + location.pathname;
  // The page's own query (patient, indication, order) comes back after the round trip.
  sessionStorage.setItem(PENDING, JSON.stringify({ state, verifier, redirectUri, returnTo: location.href }));
  const query = new URLSearchParams({
    client_id: config.clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid',
    state,
    code_challenge: await challenge(verifier),
    code_challenge_method: 'S256',
  });
  location.assign(`${config.authority}/protocol/openid-connect/auth?${query}`);
}

async function finishLogin(code, state) {
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  if (!pending || pending.state !== state) {
    throw new Error('Sign-in could not be completed (the answer from the login page did not match). Reload the page to sign in again.');
  }
  await requestTokens({
    grant_type: 'authorization_code',
    code,
    redirect_uri: pending.redirectUri,
    client_id: config.clientId,
    code_verifier: pending.verifier,
  });
  history.replaceState(null, '', pending.returnTo);
}

async function requestTokens(form) {
  const response = await fetch(`${config.authority}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.access_token) {
    throw new Error('Sign-in failed: ' + (body.error_description || body.error || `the login service answered ${response.status}`));
  }
  tokens = {
    access: body.access_token,
    refresh: body.refresh_token,
    id: body.id_token,
    expiresAt: Date.now() + (body.expires_in || 60) * 1000,
  };
}

/** A valid access token, refreshed when it is about to expire. */
export async function accessToken() {
  if (tokens.refresh && Date.now() > tokens.expiresAt - 30000) {
    try {
      await requestTokens({ grant_type: 'refresh_token', refresh_token: tokens.refresh, client_id: config.clientId });
    } catch {
      await startLogin(); // the Keycloak session ended: sign in again
    }
  }
  return tokens.access;
}

/** Who is signed in, read from the token for display only; the gateway verifies it on every call. */
export function user() {
  const claims = JSON.parse(base64UrlDecode(tokens.access.split('.')[1]));
  const roles = claims.realm_access?.roles ?? [];
  return {
    username: claims.preferred_username,
    patientId: claims.patient_id,
    isClinician: roles.includes('clinician'),
    isPharmacist: roles.includes('pharmacist'),
    isPatient: roles.includes('patient'),
    roleLabel: ['clinician', 'pharmacist', 'patient', 'admin', 'auditor'].filter((r) => roles.includes(r)).join(', '),
  };
}

export function signOut() {
  const query = new URLSearchParams({
    client_id: config.clientId,
    post_logout_redirect_uri: location.origin + '/app/',
  });
  if (tokens?.id) query.set('id_token_hint', tokens.id);
  tokens = null;
  location.assign(`${config.authority}/protocol/openid-connect/logout?${query}`);
}

function randomString(bytes) {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function challenge(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function base64UrlDecode(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}
