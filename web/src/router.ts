// Hash-mode routing (the server only has to serve index.html at `/`). Every page except the
// login page needs a session; pages of built modules also need the module's permission.
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { MODULES } from './modules'
import { useAuthStore } from './stores/auth'

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean
    permission?: string
    module?: string // menu entry to highlight
  }
}

const moduleRoutes: RouteRecordRaw[] = MODULES.filter((m) => !m.built).map((m) => ({
  path: m.key,
  name: m.key,
  component: () => import('./views/NotBuiltView.vue'),
  props: { module: m.key },
  meta: { module: m.key },
}))

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('./views/LoginView.vue'), meta: { public: true } },
  {
    path: '/',
    component: () => import('./layouts/AppLayout.vue'),
    children: [
      { path: '', name: 'home', redirect: () => homeRoute() },
      {
        path: 'customers',
        name: 'customers',
        component: () => import('./views/CustomersView.vue'),
        meta: { permission: 'customers.read', module: 'customers' },
      },
      {
        path: 'customers/:id',
        name: 'customer',
        component: () => import('./views/CustomerDetailView.vue'),
        props: true,
        meta: { permission: 'customers.read', module: 'customers' },
      },
      {
        path: 'risk',
        name: 'risk',
        component: () => import('./views/RiskView.vue'),
        meta: { permission: 'risk.read', module: 'risk' },
      },
      {
        path: 'audit',
        name: 'audit',
        component: () => import('./views/AuditView.vue'),
        meta: { permission: 'audit.read', module: 'audit' },
      },
      {
        path: 'users',
        name: 'users',
        component: () => import('./views/UsersView.vue'),
        meta: { permission: 'users.manage', module: 'users' },
      },
      ...moduleRoutes,
      { path: 'forbidden', name: 'forbidden', component: () => import('./views/ForbiddenView.vue') },
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue') },
    ],
  },
]

/** The first module the signed-in user may open. */
function homeRoute(): { name: string } {
  const auth = useAuthStore()
  const first = MODULES.find((m) => m.built && auth.can(m.permission)) ?? MODULES.find((m) => !m.built)
  return { name: first?.key ?? 'not-found' }
}

export const router = createRouter({
  history: createWebHashHistory(),
  routes,
})

router.beforeEach(async (to) => {
  const auth = useAuthStore()
  if (!auth.checked) {
    try {
      await auth.refresh()
    } catch {
      // Server unreachable: treat as signed out; the login page will show the error on submit.
      auth.clear()
    }
  }
  if (to.meta.public) {
    return auth.isLoggedIn && to.name === 'login' ? homeRoute() : true
  }
  if (!auth.isLoggedIn) {
    return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
  }
  if (to.meta.permission && !auth.can(to.meta.permission)) {
    return { name: 'forbidden' }
  }
  return true
})
