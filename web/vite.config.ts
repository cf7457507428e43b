import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The console is served by `finguard serve` at `/` with the API at `/api/v1` on the same
// origin, so every URL is relative. In development the Vite server forwards `/api` to a
// locally running finguard (FINGUARD_API overrides the default address).
const apiTarget = process.env.FINGUARD_API ?? 'http://127.0.0.1:8080'

export default defineConfig({
  base: './',
  plugins: [vue()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        // Keep the two large libraries in their own long-lived chunks.
        manualChunks(id: string) {
          if (id.includes('node_modules/element-plus') || id.includes('node_modules/@element-plus')) return 'element-plus'
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts'
          if (id.includes('node_modules/')) return 'vendor'
          return undefined
        },
      },
    },
  },
})
