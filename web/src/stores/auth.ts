// The signed-in user, as the server reports it (GET /auth/me). The session itself lives in the
// HttpOnly `fg_session` cookie; this store only remembers who that is and what they may do.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { ApiError, auth } from '../api/client'
import type { User } from '../api/types'

export const useAuthStore = defineStore('auth', () => {
  const user = ref<User | null>(null)
  const checked = ref(false) // whether /auth/me has been asked since the page loaded

  const permissions = computed(() => new Set(user.value?.permissions ?? []))
  const isLoggedIn = computed(() => user.value !== null)

  function can(permission: string | undefined): boolean {
    return !permission || permissions.value.has(permission)
  }

  /** Asks the server who we are; null when there is no valid session. */
  async function refresh(): Promise<User | null> {
    try {
      user.value = await auth.me()
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) throw e
      user.value = null
    } finally {
      checked.value = true
    }
    return user.value
  }

  async function login(username: string, password: string): Promise<void> {
    await auth.login(username, password)
    // /auth/me carries the permissions the menu and guards need. If it says we are not signed
    // in right after a successful login, the browser did not keep the session cookie.
    if (!(await refresh())) {
      throw new ApiError(401, { title: 'Session cookie not accepted', detail: 'The server accepted the password but the browser has no session (fg_session cookie).' })
    }
  }

  async function logout(): Promise<void> {
    try {
      await auth.logout()
    } finally {
      clear()
    }
  }

  function clear(): void {
    user.value = null
    checked.value = true
  }

  return { user, checked, permissions, isLoggedIn, can, refresh, login, logout, clear }
})
