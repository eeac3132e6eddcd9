/// <reference types="astro/client" />
/// <reference types="astro-helpdesky/locals" />
